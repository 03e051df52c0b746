using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.IO;
using PdeFlows.Mesh;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Running;

namespace PdeFlows.Cli;

/// <summary>
/// Maps the exceptions of a command to the exit codes of the contract: bad input (case file, mesh
/// file, result file, usage) → 2 with one clear line; a numerical failure → 1. Anything else is a
/// bug: it is reported as such, with the exception type, and exits 1.
/// </summary>
internal static class ErrorReporting
{
    /// <summary>Runs <paramref name="action"/> and converts failures into an exit code and a message on <paramref name="stderr"/>.</summary>
    public static int Guard(string command, TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (UserError e)
        {
            stderr.WriteLine($"pdeflows {command}: {e.Message}");
            if (e.Hint is not null)
            {
                stderr.WriteLine($"hint: {e.Hint}");
            }

            return ExitCodes.BadInput;
        }
        catch (RunSetupException e)
        {
            stderr.WriteLine($"pdeflows {command}: {e.Message}");
            if (e.Hint is not null)
            {
                stderr.WriteLine($"hint: {e.Hint}");
            }

            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is CaseFileException or MeshFormatException or ResultFormatException)
        {
            stderr.WriteLine($"pdeflows {command}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (FlowFailedException e)
        {
            stderr.WriteLine($"pdeflows {command}: {e.Message}");
            return ExitCodes.NumericalFailure;
        }
        catch (NotPositiveDefiniteException e)
        {
            stderr.WriteLine($"pdeflows {command}: the transport matrix is not positive definite ({e.Message})");
            return ExitCodes.NumericalFailure;
        }
        catch (OutOfMemoryException)
        {
            // Not a bug and not bad input: the problem is larger than this machine's memory.
            stderr.WriteLine($"pdeflows {command}: out of memory: the problem is too large for this machine (use fewer cells or refinements)");
            return ExitCodes.NumericalFailure;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine($"pdeflows {command}: cancelled");
            return ExitCodes.NumericalFailure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"pdeflows {command}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"pdeflows {command}: internal error ({e.GetType().Name}): {e.Message}");
            stderr.WriteLine("hint: this is a bug in PdeFlows; please report it with the case file.");
            return ExitCodes.NumericalFailure;
        }
    }
}
