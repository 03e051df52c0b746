using System.Diagnostics;
using PdeFlows.Discretization;
using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Bench;

/// <summary>
/// `dotnet run --project bench -c Release -- quick [flows|kernel]` (`flows`: only the Flows run; `kernel`: the kernel acceptance numbers, <see cref="KernelQuickMode"/>): each measurement once (after a warm-up on a small
/// problem), printed as a table. Noisy on a shared machine; BenchmarkDotNet gives proper statistics.
/// </summary>
public static class QuickMode
{
    public static void Run(string[] options)
    {
        bool skipManaged3D = options.Contains("--no-managed-3d");
        Console.WriteLine($"PdeFlows quick benchmarks — {Environment.ProcessorCount} logical cores, .NET {Environment.Version}");
        if (options.Contains("kernel"))
        {
            KernelQuickMode.Run(options);
            return;
        }

        if (options.Contains("flows"))
        {
            // `quick flows`: only the Flows macro benchmark (a small warm-up run first, for the JIT).
            FlowBenchmarks.Quick(cells: 20, steps: 5);
            FlowBenchmarks.Quick();
            return;
        }

        Warmup();
        Assembly("2D, 708² squares", BenchmarkProblems.Square(708));
        Assembly("3D, 55³ bricks", BenchmarkProblems.Cube(55));
        SpMV();
        foreach (var (label, space) in new[] { ("2D 512²", (Func<P1Space>)(() => BenchmarkProblems.Square(512))), ("3D 48³", () => BenchmarkProblems.Cube(48)) })
        {
            var matrix = BenchmarkProblems.TransportMatrix(space());
            foreach (var kind in new[] { LinearSolverKind.Managed, LinearSolverKind.Cholmod })
            {
                if (kind == LinearSolverKind.Cholmod && !CholmodLibrary.IsAvailable)
                {
                    Console.WriteLine($"  {label,-8} {kind,-8} skipped: CHOLMOD not available");
                    continue;
                }

                if (kind == LinearSolverKind.Managed && label.StartsWith("3D", StringComparison.Ordinal) && skipManaged3D)
                {
                    Console.WriteLine($"  {label,-8} {kind,-8} skipped (--no-managed-3d)");
                    continue;
                }

                Solver(label, matrix, kind);
            }
        }

        FlowBenchmarks.Quick();
    }

    private static void Warmup()
    {
        var space = BenchmarkProblems.Square(40);
        var a = BenchmarkProblems.TransportMatrix(space);
        WeightedStiffness.Assemble(space, space.Interpolate(BenchmarkProblems.Weight));
        var s = new ManagedCholeskySolver();
        s.Factorize(a);
        s.Solve(new double[a.RowCount], new double[a.RowCount]);
    }

    private static void Assembly(string label, P1Space space)
    {
        var watch = Stopwatch.StartNew();
        var sparsity = space.Sparsity;
        double setup = watch.Elapsed.TotalSeconds;
        var target = new CsrMatrix(sparsity.Pattern);
        var nodal = space.Interpolate(BenchmarkProblems.Weight);
        WeightedStiffness.AssembleInto(space, nodal, target); // first call: JIT of the generic kernel
        watch.Restart();
        WeightedStiffness.AssembleInto(space, nodal, target);
        double nodalTime = watch.Elapsed.TotalSeconds;
        WeightedStiffness.AssembleInto(space, BenchmarkProblems.Weight, target);
        watch.Restart();
        WeightedStiffness.AssembleInto(space, BenchmarkProblems.Weight, target);
        double functionTime = watch.Elapsed.TotalSeconds;
        int cells = space.Mesh.CellCount;
        Console.WriteLine($"assembly {label}: {cells} cells, {space.DofCount} nodes, nnz {sparsity.Pattern.NonzeroCount}, {sparsity.ColorCount} colours; sparsity+colouring {setup:F2} s");
        Console.WriteLine($"  weighted stiffness, nodal weight:    {nodalTime:F3} s = {cells / nodalTime / 1e6:F2} M cells/s");
        Console.WriteLine($"  weighted stiffness, function weight: {functionTime:F3} s = {cells / functionTime / 1e6:F2} M cells/s (degree-2 rule, exp per point)");
    }

    private static void SpMV()
    {
        var matrix = BenchmarkProblems.TransportMatrix(BenchmarkProblems.Square(708));
        var x = Enumerable.Repeat(1.0, matrix.ColumnCount).ToArray();
        var y = new double[matrix.RowCount];
        matrix.Multiply(x, y);
        const int repeats = 50;
        var watch = Stopwatch.StartNew();
        for (int r = 0; r < repeats; r++)
        {
            matrix.Multiply(x, y);
        }

        double each = watch.Elapsed.TotalSeconds / repeats;
        double bytes = SparseMatrixVectorBenchmarks.BytesPerProduct(matrix);
        Console.WriteLine($"SpMV 2D 708²: {matrix.RowCount} rows, nnz {matrix.Pattern.NonzeroCount}: {each * 1e3:F2} ms per product, {bytes / each / 1e9:F2} GB/s effective");
    }

    private static void Solver(string label, CsrMatrix matrix, LinearSolverKind kind)
    {
        using var solver = LinearSolverFactory.Create(kind).Solver;
        var watch = Stopwatch.StartNew();
        solver.Analyze(matrix.Pattern);
        double analyze = watch.Elapsed.TotalSeconds;
        watch.Restart();
        solver.Factorize(matrix);
        double factorize = watch.Elapsed.TotalSeconds;
        var rhs = Enumerable.Repeat(1.0, matrix.RowCount).ToArray();
        var x = new double[matrix.RowCount];
        watch.Restart();
        solver.Solve(rhs, x);
        double solve = watch.Elapsed.TotalSeconds;
        var ax = new double[matrix.RowCount];
        matrix.Multiply(x, ax);
        double residual = Math.Sqrt(ax.Zip(rhs, (p, q) => (p - q) * (p - q)).Sum() / rhs.Length);
        long fill = solver switch
        {
            ManagedCholeskySolver m => m.FactorNonzeroCount,
            CholmodSolver c => c.FactorNonzeroCount,
            _ => 0,
        };
        Console.WriteLine($"  {label,-8} {kind,-8} n={matrix.RowCount,7} nnz(L)={fill,10}: analyze {analyze,7:F3} s, factorize {factorize,7:F3} s, solve {solve,6:F3} s, residual {residual:E1}");
    }
}
