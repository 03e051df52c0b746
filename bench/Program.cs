using BenchmarkDotNet.Running;

namespace PdeFlows.Bench;

/// <summary>
/// Entry point: `dotnet run --project bench -c Release -- --filter '*'` (BenchmarkDotNet), or
/// `dotnet run --project bench -c Release -- quick [flows|kernel] [--no-managed-3d]` for one quick timing pass.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "quick")
        {
            QuickMode.Run(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
