using PdeFlows.Verification.Convergence;

namespace PdeFlows.Verification.Studies;

/// <summary>The outcome of a study: the table, the verdict of its expected order (if any) and the runs.</summary>
/// <param name="Definition">The study.</param>
/// <param name="Table">The convergence table (one row per run, except the finest run when it is the reference).</param>
/// <param name="Verdict">The expected-order verdict, or null when the study states none.</param>
/// <param name="Runs">All runs, in sweep order.</param>
/// <param name="References">The reference run per row run, when the reference is a case on the same mesh (else null entries).</param>
public sealed record StudyResult(
    StudyDefinition Definition,
    ConvergenceTable Table,
    OrderVerdict? Verdict,
    IReadOnlyList<StudyRunRecord> Runs,
    IReadOnlyList<StudyRunRecord?> References)
{
    /// <summary>Whether the study passed (no expected order, or the observed order within tolerance).</summary>
    public bool Passed => Verdict?.Passed ?? true;

    /// <summary>Throws when the expected order is missed.</summary>
    /// <exception cref="ConvergenceOrderException">The observed order misses the expected one; the message holds the whole table.</exception>
    public void AssertExpectedOrder()
    {
        if (Verdict is { Passed: false } verdict)
        {
            throw new ConvergenceOrderException(verdict with { Message = $"study '{Definition.Name}' ({Definition.File}): {verdict.Message}" });
        }
    }
}
