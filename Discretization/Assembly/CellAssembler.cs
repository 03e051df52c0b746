using System.Collections.Concurrent;
using PdeFlows.Discretization.Quadrature;

namespace PdeFlows.Discretization.Assembly;

/// <summary>A cell kernel: writes a local matrix ((d+1)², row-major) or vector (d+1) for one cell.</summary>
internal interface ICellKernel
{
    void Compute(int cell, CellWorkspace workspace, Span<double> local);
}

/// <summary>
/// The colour-by-colour parallel cell loop shared by all assembly routines: within a colour, blocks
/// of cells share no vertex, so each matrix or vector entry is written by at most one block per colour
/// (in that block's fixed cell order); colours run in a fixed order, hence the floating-point sums do
/// not depend on the thread count.
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

    /// <summary>Meshes with fewer cells are assembled on the calling thread.</summary>
    private const int SerialBelowCells = 16384;

    private static void Loop(MeshSparsity sparsity, QuadratureRule rule, AssemblyOptions options, Action<int, CellWorkspace> body)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        int cellCount = sparsity.Mesh.CellCount;
        int workers = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var pool = new ConcurrentBag<CellWorkspace>();
        for (int color = 0; color < sparsity.ColorCount; color++)
        {
            var blocks = sparsity.ColorBlocks(color).ToArray();
            // Small meshes assemble on this thread: the task machinery's start-up would cost more than
            // the cells (docs/performance.md, start-up). Blocks of one colour share no vertex, so the
            // entries are the same in any block order.
            if (workers == 1 || blocks.Length == 1 || cellCount < SerialBelowCells)
            {
                var workspace = pool.TryTake(out var w) ? w : new CellWorkspace(sparsity.Mesh, rule);
                foreach (int block in blocks)
                {
                    RunBlock(block, cellCount, workspace, body);
                }

                pool.Add(workspace);
                continue;
            }

            Parallel.ForEach(
                Partitioner.Create(0, blocks.Length, Math.Max(1, blocks.Length / (4 * workers))),
                parallel,
                () => pool.TryTake(out var w) ? w : new CellWorkspace(sparsity.Mesh, rule),
                (range, _, workspace) =>
                {
                    for (int i = range.Item1; i < range.Item2; i++)
                    {
                        RunBlock(blocks[i], cellCount, workspace, body);
                    }

                    return workspace;
                },
                workspace => pool.Add(workspace));
        }
    }

    private static void RunBlock(int block, int cellCount, CellWorkspace workspace, Action<int, CellWorkspace> body)
    {
        int end = Math.Min(cellCount, (block + 1) * MeshSparsity.BlockSize);
        for (int cell = block * MeshSparsity.BlockSize; cell < end; cell++)
        {
            body(cell, workspace);
        }
    }
}
