using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Mesh;

namespace PdeFlows.Discretization.Assembly;

/// <summary>
/// Everything assembly needs that depends only on the mesh, computed once: the CSR pattern of the P1
/// matrices (vertex i couples with j iff they share a cell; sorted columns, diagonal included), for
/// each cell the storage offsets of its (d+1)² local entries, and a colouring of cell <i>blocks</i>
/// (runs of <see cref="BlockSize"/> consecutive cells) such that no two blocks of one colour share a
/// vertex. Blocks of one colour are assembled in parallel without conflicts, each block serially in
/// cell order (which keeps memory access local); colours run in a fixed order. So every matrix entry
/// receives its contributions in the same order whatever the thread count — assembly is bitwise
/// deterministic.
/// </summary>
public sealed class MeshSparsity
{
    private readonly int[] cellEntries;
    /// <summary>Consecutive cells per block of the colouring.</summary>
    public const int BlockSize = 64;

    /// <summary>
    /// Meshes with fewer cells (rows) than this build their pattern on the calling thread: for them
    /// the task machinery's start-up (thread pool, JIT of its generic loops) costs more than the work
    /// (docs/performance.md, start-up). The pattern is the same either way.
    /// </summary>
    private const int SerialBelow = 16384;

    private readonly int[] colorPointers;
    private readonly int[] colorBlocks;

    /// <summary>Builds the pattern, cell entry map and colouring of a mesh.</summary>
    public MeshSparsity(SimplexMesh mesh)
    {
        Mesh = mesh ?? throw new ArgumentNullException(nameof(mesh));
        int n = mesh.VertexCount, m = mesh.CellCount, nv = mesh.VerticesPerCell;
        var cells = mesh.Cells;

        // Vertex → cells (CSR).
        var vertexCellPointers = new int[n + 1];
        foreach (int v in cells)
        {
            vertexCellPointers[v + 1]++;
        }

        for (int i = 0; i < n; i++)
        {
            vertexCellPointers[i + 1] += vertexCellPointers[i];
        }

        var vertexCells = new int[vertexCellPointers[n]];
        var fill = vertexCellPointers[..n];
        for (int c = 0; c < m; c++)
        {
            for (int k = 0; k < nv; k++)
            {
                int v = cells[(c * nv) + k];
                vertexCells[fill[v]++] = c;
            }
        }

        Pattern = BuildPattern(mesh, vertexCellPointers, vertexCells);
        cellEntries = new int[m * nv * nv];
        var pattern = Pattern;
        var cellArray = cells.ToArray();
        var entries = cellEntries;
        void CellEntries(int c)
        {
            for (int a = 0; a < nv; a++)
            {
                for (int b = 0; b < nv; b++)
                {
                    entries[(((c * nv) + a) * nv) + b] = pattern.Find(cellArray[(c * nv) + a], cellArray[(c * nv) + b]);
                }
            }
        }

        if (m < SerialBelow)
        {
            for (int c = 0; c < m; c++)
            {
                CellEntries(c);
            }
        }
        else
        {
            Parallel.For(0, m, CellEntries);
        }

        (colorPointers, colorBlocks) = ColorBlocks(mesh, vertexCellPointers, vertexCells);
    }

    /// <summary>The mesh.</summary>
    public SimplexMesh Mesh { get; }

    /// <summary>The CSR pattern shared by every P1 matrix on this mesh.</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>Number of block colours.</summary>
    public int ColorCount => colorPointers.Length - 1;

    /// <summary>Number of cell blocks.</summary>
    public int BlockCount => colorBlocks.Length;

    /// <summary>Storage offsets of the (d+1)² entries of a cell's local matrix (row-major local indices).</summary>
    public ReadOnlySpan<int> CellEntries(int cell)
    {
        int size = Mesh.VerticesPerCell * Mesh.VerticesPerCell;
        return cellEntries.AsSpan(cell * size, size);
    }

    /// <summary>The blocks of colour <paramref name="color"/>, ascending; no two share a vertex. Block b holds cells [b·BlockSize, min((b+1)·BlockSize, CellCount)).</summary>
    public ReadOnlySpan<int> ColorBlocks(int color) => colorBlocks.AsSpan(colorPointers[color], colorPointers[color + 1] - colorPointers[color]);

    internal int[] CellEntryArray => cellEntries;

    private static SparsityPattern BuildPattern(SimplexMesh mesh, int[] vertexCellPointers, int[] vertexCells)
    {
        int n = mesh.VertexCount, nv = mesh.VerticesPerCell;
        var rows = new int[n][];
        List<int> Row(int i, List<int> buffer)
        {
            buffer.Clear();
            for (int p = vertexCellPointers[i]; p < vertexCellPointers[i + 1]; p++)
            {
                buffer.AddRange(mesh.Cell(vertexCells[p]));
            }

            if (buffer.Count == 0)
            {
                buffer.Add(i); // an isolated vertex still gets its diagonal
            }

            buffer.Sort();
            int unique = 0;
            for (int k = 0; k < buffer.Count; k++)
            {
                if (k == 0 || buffer[k] != buffer[k - 1])
                {
                    buffer[unique++] = buffer[k];
                }
            }

            rows[i] = buffer.GetRange(0, unique).ToArray();
            return buffer;
        }

        if (n < SerialBelow)
        {
            var buffer = new List<int>(64);
            for (int i = 0; i < n; i++)
            {
                Row(i, buffer);
            }
        }
        else
        {
            Parallel.For(0, n, () => new List<int>(64), (i, _, buffer) => Row(i, buffer), _ => { });
        }
        var pointers = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            pointers[i + 1] = pointers[i] + rows[i].Length;
        }

        var columns = new int[pointers[n]];
        for (int i = 0; i < n; i++)
        {
            rows[i].CopyTo(columns, pointers[i]);
        }

        _ = nv;
        return new SparsityPattern(n, n, pointers, columns);
    }

    /// <summary>Greedy colouring of blocks in order: each takes the smallest colour not used by a block sharing a vertex.</summary>
    private static (int[] Pointers, int[] Blocks) ColorBlocks(SimplexMesh mesh, int[] vertexCellPointers, int[] vertexCells)
    {
        int m = mesh.CellCount;
        int blocks = (m + BlockSize - 1) / BlockSize;
        var color = new int[blocks];
        Array.Fill(color, -1);
        var used = new List<bool>();
        int colors = 0;
        for (int b = 0; b < blocks; b++)
        {
            int end = Math.Min(m, (b + 1) * BlockSize);
            for (int c = b * BlockSize; c < end; c++)
            {
                foreach (int v in mesh.Cell(c))
                {
                    for (int p = vertexCellPointers[v]; p < vertexCellPointers[v + 1]; p++)
                    {
                        int other = color[vertexCells[p] / BlockSize];
                        if (other >= 0)
                        {
                            while (used.Count <= other)
                            {
                                used.Add(false);
                            }

                            used[other] = true;
                        }
                    }
                }
            }

            int chosen = 0;
            while (chosen < used.Count && used[chosen])
            {
                chosen++;
            }

            color[b] = chosen;
            colors = Math.Max(colors, chosen + 1);
            for (int k = 0; k < used.Count; k++)
            {
                used[k] = false;
            }
        }

        var pointers = new int[colors + 1];
        foreach (int k in color)
        {
            pointers[k + 1]++;
        }

        for (int k = 0; k < colors; k++)
        {
            pointers[k + 1] += pointers[k];
        }

        var next = pointers[..colors];
        var ordered = new int[blocks];
        for (int b = 0; b < blocks; b++)
        {
            ordered[next[color[b]]++] = b;
        }

        return (pointers, ordered);
    }
}
