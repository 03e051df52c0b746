namespace PdeFlows.Fuzz;

/// <summary>
/// Checks the fuzzing pipeline itself (instrumentation, afl, crash detection): an input containing
/// "!!" throws an exception that is not a documented user error, which afl must save as a crash
/// within a minute or two (docs/reliability.md). The input goes through the Gmsh reader first (the
/// instrumented assembly: afl needs coverage); the harness assembly itself cannot be instrumented.
/// </summary>
internal sealed class SelfTestHarness : IFuzzTarget
{
    public string Name => "selftest";

    public string Description => "pipeline check: an input containing \"!!\" crashes; anything else is valid";

    public string? Run(string text)
    {
        // Runs the (instrumented) Gmsh reader first, so that afl sees coverage; then the planted bug.
        string? error = new GmshHarness().Run(text);
        int first = text.IndexOf('!', StringComparison.Ordinal);
        if (first >= 0 && first + 1 < text.Length && text[first + 1] == '!')
        {
            throw new InvalidOperationException("self-test crash: the input contains \"!!\"");
        }

        return error;
    }
}
