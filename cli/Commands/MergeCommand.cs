using System.CommandLine;
using PdeFlows.Runs.Sharding;

namespace PdeFlows.Cli.Commands;

/// <summary>
/// <c>pdeflows merge DIR… [--out DIR]</c>: combines the N shard directories of <c>verify --shard</c> or
/// <c>reference --shard</c> into the tables, plots and HDF5 an unsharded run writes (default
/// <c>verify-NAME</c> or <c>reference-NAME</c>) and prints the tables. Exit 0; 1 when a study's
/// expectation is missed (as verify); 2 when the directories are not the complete shards of one
/// study or case (the directory named).
/// </summary>
internal static class MergeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var directories = new Argument<string[]>("DIR") { Description = "The shard directories (every shard 1…N, any order).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Output directory; default verify-NAME or reference-NAME." };
        var command = new Command("merge", "Merge the shard directories of 'verify --shard' or 'reference --shard' into the unsharded outputs.") { directories, output };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return ErrorReporting.Guard("merge", stderr, () => Execute(parse.GetValue(directories)!, parse.GetValue(output), stdout, stderr));
        });
        return command;
    }

    private static int Execute(string[] directories, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (output is not null)
        {
            WritableFolder.Ensure(output, "--out");
        }

        MergeOutcome outcome;
        try
        {
            outcome = ShardMerge.Merge(directories, output);
        }
        catch (ShardMergeException e)
        {
            throw new UserError(e.Message, e.Hint);
        }

        stdout.WriteLine(outcome.Markdown.TrimEnd());
        foreach (string failure in outcome.Failures)
        {
            stderr.WriteLine($"pdeflows merge: {failure}");
        }

        stderr.WriteLine($"pdeflows merge: {directories.Length} shards of {outcome.Kind} '{outcome.Name}' merged into {outcome.Directory}");
        return outcome.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.NumericalFailure;
    }
}
