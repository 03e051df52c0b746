using PdeFlows.Verification.Convergence;

namespace PdeFlows.Runs.Studies;

/// <summary>The outcome of a study: the table, the verdict of its expected order (if any) and the runs.</summary>
/// <param name="Definition">The study.</param>
/// <param name="Table">The convergence table (one row per run, except the finest run when it is the reference).</param>
/// <param name="Verdict">The expected-order verdict, or null when the study states none.</param>
/// <param name="Runs">All runs, in sweep order.</param>
/// <param name="References">The reference run per row run, when the reference is a case on the same mesh (else null entries).</param>
/// <param name="BoundFailures">One line per bounded metric whose last-row error exceeds the bound.</param>
public sealed record StudyResult(
    StudyDefinition Definition,
    ConvergenceTable Table,
    OrderVerdict? Verdict,
    IReadOnlyList<StudyRunRecord> Runs,
    IReadOnlyList<StudyRunRecord?> References,
    IReadOnlyList<string> BoundFailures)
{
    /// <summary>Whether the study passed (observed order within tolerance and every bound met, where stated).</summary>
    public bool Passed => (Verdict?.Passed ?? true) && BoundFailures.Count == 0;

    /// <summary>The message of the first missed expectation (with the whole table), or null when the study passed.</summary>
    public string? FailureMessage => Failure()?.Message;

    /// <summary>Throws when the expected order is missed or a bound is exceeded.</summary>
    /// <exception cref="ConvergenceOrderException">The observed order misses the expected one; the message holds the whole table.</exception>
    /// <exception cref="StudyBoundException">An error bound is exceeded; the message holds the whole table.</exception>
    public void AssertExpectations()
    {
        if (Failure() is { } failure)
        {
            throw failure;
        }
    }

    private Exception? Failure()
    {
        string where = $"study '{Definition.Name}' ({Definition.File})";
        if (Verdict is { Passed: false } verdict)
        {
            return new ConvergenceOrderException(verdict with { Message = $"{where}: {verdict.Message}" });
        }

        return BoundFailures.Count > 0
            ? new StudyBoundException($"{where}: FAILED: {string.Join("; ", BoundFailures)}{Environment.NewLine}{Environment.NewLine}{Table.ToMarkdown()}")
            : null;
    }
}

/// <summary>A study's error exceeded its stated bound; the message holds the whole table.</summary>
public sealed class StudyBoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StudyBoundException(string message)
        : base(message)
    {
    }
}
