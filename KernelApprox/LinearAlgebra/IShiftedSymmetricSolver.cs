namespace PdeFlows.KernelApprox.LinearAlgebra;

/// <summary>A factorized solver for (S + λI) x = b (exactly, or for an approximation of S).</summary>
public interface IShiftedSymmetricSolver
{
    /// <summary>n.</summary>
    int Size { get; }

    /// <summary>λ.</summary>
    double Shift { get; }

    /// <summary>The rank of the representation of S used (n for dense).</summary>
    int Rank { get; }

    /// <summary>Writes the solution of the (approximated) system into <paramref name="solution"/>.</summary>
    /// <param name="rightHandSide">b, length n.</param>
    /// <param name="solution">x, length n (may not alias b).</param>
    void Solve(ReadOnlySpan<double> rightHandSide, Span<double> solution);
}
