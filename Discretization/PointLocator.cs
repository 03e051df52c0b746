using PdeFlows.Discretization.Geometry;
using PdeFlows.Mesh;

namespace PdeFlows.Discretization;

/// <summary>
/// Finds the cell containing a point: a uniform grid of bins over the mesh's bounding box, each bin
/// listing the cells whose bounding boxes overlap it (about one cell per bin on average); a query
/// tests only the cells of one bin by their barycentric coordinates. Built once, immutable, thread-safe.
/// </summary>
public sealed class PointLocator
{
    /// <summary>Barycentric tolerance: a point counts as inside when every λ ≥ −Tolerance (points on faces and in round-off gaps are found).</summary>
    public const double Tolerance = 1e-12;

    private readonly SimplexMesh mesh;
    private readonly double[] lower;
    private readonly double[] binSize;
    private readonly int[] bins;
    private readonly int[] binPointers;
    private readonly int[] binCells;

    /// <summary>Builds the bin grid for a mesh.</summary>
    public PointLocator(SimplexMesh mesh)
    {
        this.mesh = mesh ?? throw new ArgumentNullException(nameof(mesh));
        int d = mesh.Dimension;
        var (lo, hi) = mesh.BoundingBox();
        lower = lo;
        binSize = new double[d];
        bins = new int[3] { 1, 1, 1 };
        int perAxis = Math.Max(1, (int)Math.Ceiling(Math.Pow(mesh.CellCount / 2.0, 1.0 / d)));
        for (int k = 0; k < d; k++)
        {
            bins[k] = perAxis;
            binSize[k] = Math.Max(hi[k] - lo[k], 1e-300) / perAxis;
        }

        Span<int> from = stackalloc int[3];
        Span<int> to = stackalloc int[3];
        var counts = new int[(bins[0] * bins[1] * bins[2]) + 1];
        for (int pass = 0; pass < 2; pass++)
        {
            int[]? next = pass == 1 ? counts[..^1] : null;
            for (int c = 0; c < mesh.CellCount; c++)
            {
                BinRange(c, from, to);
                for (int bz = from[2]; bz <= to[2]; bz++)
                {
                    for (int by = from[1]; by <= to[1]; by++)
                    {
                        for (int bx = from[0]; bx <= to[0]; bx++)
                        {
                            int b = bx + (bins[0] * (by + (bins[1] * bz)));
                            if (next is null)
                            {
                                counts[b + 1]++;
                            }
                            else
                            {
                                binCells![next[b]++] = c;
                            }
                        }
                    }
                }
            }

            if (pass == 0)
            {
                for (int b = 0; b + 1 < counts.Length; b++)
                {
                    counts[b + 1] += counts[b];
                }

                binPointers = (int[])counts.Clone();
                binCells = new int[counts[^1]];
            }
        }

        binPointers ??= counts;
        binCells ??= [];
    }

    /// <summary>
    /// Finds a cell containing the point and writes its barycentric coordinates (length d + 1);
    /// returns −1 when the point lies outside the mesh.
    /// </summary>
    public int Locate(ReadOnlySpan<double> point, Span<double> barycentric)
    {
        int d = mesh.Dimension;
        if (point.Length != d)
        {
            throw new ArgumentException($"point must have {d} coordinates, got {point.Length}");
        }

        int b = 0, stride = 1;
        for (int k = 0; k < d; k++)
        {
            double t = (point[k] - lower[k]) / binSize[k];
            if (!(t >= -Tolerance && t <= bins[k] + Tolerance))
            {
                return -1; // outside the bounding box (or NaN)
            }

            b += Math.Clamp((int)t, 0, bins[k] - 1) * stride;
            stride *= bins[k];
        }

        Span<double> scratch = stackalloc double[18];
        for (int p = binPointers[b]; p < binPointers[b + 1]; p++)
        {
            int cell = binCells[p];
            if (Barycentric(cell, point, barycentric, scratch) >= -Tolerance)
            {
                return cell;
            }
        }

        return -1;
    }

    /// <summary>Barycentric coordinates of x in a cell; returns their minimum (≥ 0 iff x is in the cell).</summary>
    private double Barycentric(int cell, ReadOnlySpan<double> x, Span<double> lambda, Span<double> scratch)
    {
        int d = mesh.Dimension;
        var j = scratch[..(d * d)];
        var inverseTranspose = scratch.Slice(9, d * d);
        AffineSimplexMap.Jacobian(mesh, cell, j);
        AffineSimplexMap.InverseTranspose(j, d, inverseTranspose);
        var x0 = mesh.Vertex(mesh.Cell(cell)[0]);
        double sum = 0, min = double.PositiveInfinity;
        for (int k = 0; k < d; k++)
        {
            // ξ = J⁻¹ (x − x₀); row k of J⁻¹ is column k of J⁻ᵀ.
            double xi = 0;
            for (int r = 0; r < d; r++)
            {
                xi += inverseTranspose[(r * d) + k] * (x[r] - x0[r]);
            }

            lambda[k + 1] = xi;
            sum += xi;
            min = Math.Min(min, xi);
        }

        lambda[0] = 1 - sum;
        return Math.Min(min, lambda[0]);
    }

    private void BinRange(int cell, Span<int> from, Span<int> to)
    {
        int d = mesh.Dimension;
        from.Clear();
        to.Clear();
        var vertices = mesh.Cell(cell);
        for (int k = 0; k < d; k++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (int v in vertices)
            {
                double x = mesh.Vertex(v)[k];
                lo = Math.Min(lo, x);
                hi = Math.Max(hi, x);
            }

            // Widen by a relative epsilon so points on bin boundaries find every candidate.
            double pad = 1e-10 * binSize[k];
            from[k] = Math.Clamp((int)Math.Floor((lo - pad - lower[k]) / binSize[k]), 0, bins[k] - 1);
            to[k] = Math.Clamp((int)Math.Floor((hi + pad - lower[k]) / binSize[k]), 0, bins[k] - 1);
        }
    }
}
