namespace PdeFlows.KernelApprox.Kernels;

/// <summary>The radial kernels provided (kernel.md §1). Each is a function of r = |x − y| and a bandwidth σ.</summary>
public enum KernelKind
{
    /// <summary>Gaussian k = exp(−r²/(2σ²)).</summary>
    Gaussian,

    /// <summary>Laplace / Matérn-½ k = exp(−r/σ).</summary>
    Laplace,

    /// <summary>Matérn-3/2 k = (1 + √3 r/σ) exp(−√3 r/σ).</summary>
    MaternThreeHalves,

    /// <summary>Matérn-5/2 k = (1 + √5 r/σ + 5r²/(3σ²)) exp(−√5 r/σ).</summary>
    MaternFiveHalves,

    /// <summary>Inverse multiquadric k = (1 + r²/σ²)^(−1/2).</summary>
    InverseMultiquadric,
}
