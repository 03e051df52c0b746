namespace PdeFlows.Cli.Running;

/// <summary>The options of <c>pdeflows run</c>.</summary>
/// <param name="CasePath">The case file.</param>
/// <param name="OutputDirectory">Where the HDF5/XDMF result goes (null: no field output).</param>
/// <param name="SummaryPath">Where the JSON summary goes (null: none).</param>
/// <param name="Resume">Continue from the last complete checkpoint in <paramref name="OutputDirectory"/>.</param>
/// <param name="Quiet">No progress output.</param>
internal sealed record RunOptions(string CasePath, string? OutputDirectory, string? SummaryPath, bool Resume, bool Quiet);
