namespace PdeFlows.Runs.Demo;

/// <summary>Choices of <see cref="Demonstration.Run"/>; the defaults are the documented demo.</summary>
public sealed record DemoOptions
{
    /// <summary>The defaults.</summary>
    public static DemoOptions Default { get; } = new();

    /// <summary>The λ values of the sweep (default <see cref="LambdaSweep.DefaultLambdas"/>).</summary>
    public IReadOnlyList<double> Lambdas { get; init; } = LambdaSweep.DefaultLambdas;

    /// <summary>The times of the snapshot columns (at most three; default 0.5, 2, 6).</summary>
    public IReadOnlyList<double> SnapshotTimes { get; init; } = [0.5, 2.0, 6.0];

    /// <summary>
    /// Applied to every case text before it is written and run (default: none). Tests use it to
    /// shrink meshes and end times; the written case files then show the shrunk cases.
    /// </summary>
    public Func<string, string>? CaseTextFilter { get; init; }

    /// <summary>Receives one line per finished stage (default: nothing).</summary>
    public Action<string>? Log { get; init; }
}
