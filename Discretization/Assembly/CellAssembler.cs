using System.Collections.Concurrent;
using PdeFlows.Discretization.Quadrature;

namespace PdeFlows.Discretization.Assembly;

/// <summary>A cell kernel: writes a local matrix ((d+1)², row-major) or vector (d+1) for one cell.</summary>
internal interface ICellKernel
{
    void Compute(int cell, CellWorkspace workspace, Span<double> local);
}

/// <summary>
/// The colour-by-colour parallel cell loop shared by all assembly routines: within a colour, cells
/// share no vertex, so each matrix or vector entry is written by at most one cell per colour; colours
/// run in a fixed order, hence the floating-point sums do not depend on the thread count.
/// </summary>
internal static class CellAssembler
{
    public static void AssembleMatrix<TKernel>(MeshSparsity sparsity, TKernel kernel, QuadratureRule rule, double[] values, AssemblyOptions options)
        where TKernel : struct, ICellKernel
    {
        Array.Clear(values);
        int size = sparsity.Mesh.VerticesPerCell * sparsity.Mesh.VerticesPerCell;
        var entries = sparsity.CellEntryArray;
        Loop(sparsity, rule, options, (cell, workspace) =>
        {
            var local = workspace.Local.AsSpan(0, size);
            kernel.Compute(cell, workspace, local);
            int offset = cell * size;
            for (int e = 0; e < size; e++)
            {
                values[entries[offset + e]] += local[e];
            }
        });
    }

    public static void AssembleVector<TKernel>(MeshSparsity sparsity, TKernel kernel, QuadratureRule rule, double[] vector, AssemblyOptions options)
        where TKernel : struct, ICellKernel
    {
        Array.Clear(vector);
        var mesh = sparsity.Mesh;
        int nv = mesh.VerticesPerCell;
        Loop(sparsity, rule, options, (cell, workspace) =>
        {
            var local = workspace.Local.AsSpan(0, nv);
            kernel.Compute(cell, workspace, local);
            var vertices = mesh.Cell(cell);
            for (int a = 0; a < nv; a++)
            {
                vector[vertices[a]] += local[a];
            }
        });
    }

    private static void Loop(MeshSparsity sparsity, QuadratureRule rule, AssemblyOptions options, Action<int, CellWorkspace> body)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var colorCells = sparsity.ColorCellArray;
        int workers = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var pool = new ConcurrentBag<CellWorkspace>();
        for (int color = 0; color < sparsity.ColorCount; color++)
        {
            int start = sparsity.ColorStart(color);
            int count = sparsity.ColorCells(color).Length;
            int chunk = Math.Max(512, count / (4 * workers));
            if (workers == 1 || count <= chunk)
            {
                var workspace = pool.TryTake(out var w) ? w : new CellWorkspace(sparsity.Mesh, rule);
                for (int i = start; i < start + count; i++)
                {
                    body(colorCells[i], workspace);
                }

                pool.Add(workspace);
                continue;
            }

            Parallel.ForEach(
                Partitioner.Create(start, start + count, chunk),
                parallel,
                () => pool.TryTake(out var w) ? w : new CellWorkspace(sparsity.Mesh, rule),
                (range, _, workspace) =>
                {
                    for (int i = range.Item1; i < range.Item2; i++)
                    {
                        body(colorCells[i], workspace);
                    }

                    return workspace;
                },
                workspace => pool.Add(workspace));
        }
    }
}
