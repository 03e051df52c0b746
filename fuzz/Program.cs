using System.Text;
using SharpFuzz;

namespace PdeFlows.Fuzz;

/// <summary>
/// <c>PdeFlows.Fuzz TARGET</c>: the afl++ harness of one target (reads each input from afl through
/// SharpFuzz, out of process, so that a stack overflow or a crash of the runtime is caught too).
/// <c>PdeFlows.Fuzz TARGET FILE...</c>: replays inputs without afl (triage, regression); prints
/// "ok", "user error: ..." or "CRASH: ..." per file and exits 1 when any input crashed.
/// </summary>
public static class Program
{
    private static readonly IFuzzTarget[] Targets = [new GmshHarness(), new CaseFileHarness(), new StudyFileHarness(), new ExpressionHarness(), new SelfTestHarness()];

    /// <summary>Entry point.</summary>
    /// <param name="args">TARGET [FILE...].</param>
    /// <returns>0; 1 when a replayed input crashed; 2 for a usage error.</returns>
    public static int Main(string[] args)
    {
        IFuzzTarget? target = args.Length > 0 ? Targets.FirstOrDefault(t => t.Name == args[0]) : null;
        if (target is null)
        {
            Console.Error.WriteLine("usage: PdeFlows.Fuzz TARGET [FILE...]; targets:");
            foreach (IFuzzTarget t in Targets)
            {
                Console.Error.WriteLine($"  {t.Name,-11} {t.Description}");
            }

            return 2;
        }

        if (args.Length == 1)
        {
            Fuzzer.OutOfProcess.Run(stream => target.Run(Read(stream)));
            return 0;
        }

        int crashes = 0;
        foreach (string file in args.Skip(1))
        {
            try
            {
                string? error = target.Run(Read(File.OpenRead(file)));
                Console.WriteLine($"{file}: {(error is null ? "ok" : "user error: " + error)}");
            }
            catch (Exception e)
            {
                crashes++;
                Console.WriteLine($"{file}: CRASH: {e.GetType().FullName}: {e.Message}");
                Console.WriteLine(e.StackTrace);
            }
        }

        return crashes == 0 ? 0 : 1;
    }

    private static string Read(Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false));
        return reader.ReadToEnd();
    }
}
