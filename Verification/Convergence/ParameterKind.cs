namespace PdeFlows.Verification.Convergence;

/// <summary>What a convergence study sweeps (the P in e ≈ C·P^p).</summary>
public enum ParameterKind
{
    /// <summary>Mesh size h (largest cell diameter, or a nominal spacing).</summary>
    MeshSize,

    /// <summary>Time step τ.</summary>
    TimeStep,

    /// <summary>Regularization λ of the kernel approximation.</summary>
    Regularization,

    /// <summary>A count: particles, kernel centres, basis functions N (errors usually fall as N grows: expect a negative order).</summary>
    Count,

    /// <summary>A kernel bandwidth σ.</summary>
    Bandwidth,

    /// <summary>Anything else (name it in <see cref="SweptParameter.Name"/>).</summary>
    Other,
}
