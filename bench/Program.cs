using BenchmarkDotNet.Running;

namespace PdeFlows.Bench;

/// <summary>Entry point: `dotnet run --project bench -c Release -- --filter '*'`.</summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
