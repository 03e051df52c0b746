using System.CommandLine;
using PdeFlows.Runs.References;
using PdeFlows.Runs.Sharding;

namespace PdeFlows.Cli.Commands;

/// <summary>
/// <c>pdeflows reference CASE.toml [--levels K] [--out DIR] [--shard I/N] [--quiet]</c>: runs the case
/// on K nested refinements (h halved, τ refined to match), Richardson-extrapolates every summary
/// quantity at every output time with an error estimate, and writes reference.json, reference.md,
/// reference.csv and convergence.png into DIR (default <c>reference-NAME</c>); prints the Markdown
/// table. With <c>--shard I/N</c> it runs only its levels into DIR for <c>pdeflows merge</c>.
/// Exit 0, or 2 for bad input (the case file's line and key named).
/// </summary>
internal static class ReferenceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var caseFile = new Argument<string>("CASE") { Description = "The case file (TOML)." };
        var levels = new Option<int>("--levels") { Description = $"Number of nested refinements K ({ReferencePlan.MinimumLevels}–{ReferencePlan.MaximumLevels}); default {ReferencePlan.DefaultLevels}.", DefaultValueFactory = _ => ReferencePlan.DefaultLevels };
        var output = new Option<string?>("--out") { Description = "Output directory; default reference-NAME (with --shard: the shard's directory, required)." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard I of N (I/N, 1-based) of the levels into --out; combine the N directories with 'pdeflows merge'." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress on stderr." };
        var command = new Command("reference", "Reference solution of a case: K nested refinements, Richardson extrapolation of every summary quantity with an error estimate.") { caseFile, levels, output, shard, quiet };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return ErrorReporting.Guard("reference", stderr, () =>
                Execute(parse.GetValue(caseFile)!, parse.GetValue(levels), parse.GetValue(output), parse.GetValue(shard), parse.GetValue(quiet) ? null : stderr, stdout, stderr));
        });
        return command;
    }

    private static int Execute(string casePath, int levels, string? output, string? shardText, TextWriter? progress, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(casePath))
        {
            throw new UserError($"case file '{casePath}' not found", "give the path of a .toml case file, e.g. examples/03-swfr-1d.toml");
        }

        if (levels is < ReferencePlan.MinimumLevels or > ReferencePlan.MaximumLevels)
        {
            throw new UserError($"--levels {levels}: give {ReferencePlan.MinimumLevels} to {ReferencePlan.MaximumLevels} levels", "three levels give one observed order; four (the default) also check that it is stable");
        }

        string caseText = File.ReadAllText(casePath);
        if (shardText is not null)
        {
            ShardSpec shard = ShardOption.Parse(shardText);
            string directory = output ?? throw new UserError("--shard needs --out DIR (the shard's directory, e.g. parts/1)");
            WritableFolder.Ensure(directory, "--out");
            progress?.WriteLine($"reference shard {shard}: levels {string.Join(", ", shard.Select(levels))} of {levels}");
            ShardManifest manifest = ReferenceShards.RunShard(caseText, casePath, levels, shard, directory, progress);
            progress?.WriteLine($"pdeflows reference: shard {shard} of '{manifest.Name}' written to {directory} (levels {string.Join(", ", manifest.Tasks.Select(t => t.Index))}); merge all {shard.Count} with 'pdeflows merge DIR…'");
            return ExitCodes.Success;
        }

        var definition = ReferenceSession.Parse(caseText, casePath);
        string target = output ?? $"reference-{definition.Name}";
        WritableFolder.Ensure(target, "--out");
        progress?.WriteLine($"reference {definition.Name}: {levels} levels");
        ReferenceResult result = ReferenceSession.Run(caseText, casePath, levels, target, progress);
        stdout.WriteLine(ReferenceTables.Markdown(result).TrimEnd());
        foreach (string note in result.Notes)
        {
            stderr.WriteLine($"note: {note}");
        }

        progress?.WriteLine($"pdeflows reference: {ReferenceTables.StatusCounts(result)}; written to {target}");
        return ExitCodes.Success;
    }
}
