using PdeFlows.Mesh;

namespace PdeFlows.Verification.Plotting;

/// <summary>
/// Samples P1 fields of one mesh on a fixed <see cref="RasterGrid"/>: for each pixel, the vertices
/// of the cell containing its centre and the barycentric weights there (computed once by
/// <see cref="ForTriangles"/> or <see cref="ForPlaneSlice"/>), so that each snapshot costs one pass.
/// </summary>
public sealed class RasterSampler
{
    /// <summary>Up to four vertices per pixel (a tetrahedron); triangles leave the fourth weight 0.</summary>
    private const int Slots = 4;

    /// <summary>Barycentric coordinates below −<see cref="InsideTolerance"/> put a point outside a cell.</summary>
    internal const double InsideTolerance = 1e-10;

    private readonly int[] vertices;
    private readonly double[] weights;

    private RasterSampler(RasterGrid grid, int vertexCount)
    {
        Grid = grid;
        VertexCount = vertexCount;
        vertices = new int[grid.Rows * grid.Columns * Slots];
        weights = new double[grid.Rows * grid.Columns * Slots];
        Array.Fill(vertices, -1);
    }

    /// <summary>The pixel grid.</summary>
    public RasterGrid Grid { get; }

    /// <summary>The number of mesh vertices a sampled field must have.</summary>
    public int VertexCount { get; }

    /// <summary>A sampler for a triangle mesh over its bounding box, <paramref name="resolution"/> pixels along the longer side.</summary>
    /// <exception cref="ArgumentException">The mesh is not two-dimensional.</exception>
    public static RasterSampler ForTriangles(SimplexMesh mesh, int resolution = 200)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (mesh.Dimension != 2)
        {
            throw new ArgumentException($"triangle rasterization needs a 2D mesh, got dimension {mesh.Dimension}", nameof(mesh));
        }

        var box = BoundingBox(mesh);
        var sampler = new RasterSampler(RasterGrid.Fit(box.Min[0], box.Max[0], box.Min[1], box.Max[1], resolution), mesh.VertexCount);
        ReadOnlySpan<double> x = mesh.Coordinates;
        ReadOnlySpan<int> cells = mesh.Cells;
        for (int cell = 0; cell < mesh.CellCount; cell++)
        {
            int a = cells[3 * cell], b = cells[(3 * cell) + 1], c = cells[(3 * cell) + 2];
            double ax = x[2 * a], ay = x[(2 * a) + 1];
            double bx = x[2 * b] - ax, by = x[(2 * b) + 1] - ay;
            double cx = x[2 * c] - ax, cy = x[(2 * c) + 1] - ay;
            double determinant = (bx * cy) - (by * cx);
            if (determinant == 0.0)
            {
                continue;
            }

            var (firstColumn, lastColumn) = sampler.Grid.ColumnsCovering(Math.Min(ax, Math.Min(ax + bx, ax + cx)), Math.Max(ax, Math.Max(ax + bx, ax + cx)));
            var (firstRow, lastRow) = sampler.Grid.RowsCovering(Math.Min(ay, Math.Min(ay + by, ay + cy)), Math.Max(ay, Math.Max(ay + by, ay + cy)));
            for (int row = firstRow; row <= lastRow; row++)
            {
                double py = sampler.Grid.CentreY(row) - ay;
                for (int column = firstColumn; column <= lastColumn; column++)
                {
                    double px = sampler.Grid.CentreX(column) - ax;
                    double lambdaB = ((px * cy) - (py * cx)) / determinant;
                    double lambdaC = ((bx * py) - (by * px)) / determinant;
                    double lambdaA = 1.0 - lambdaB - lambdaC;
                    if (lambdaA >= -InsideTolerance && lambdaB >= -InsideTolerance && lambdaC >= -InsideTolerance)
                    {
                        sampler.Set(row, column, [a, b, c, -1], [lambdaA, lambdaB, lambdaC, 0.0]);
                    }
                }
            }
        }

        return sampler;
    }

    /// <summary>
    /// A sampler for the slice z = <paramref name="z"/> (default: the middle of the mesh's z range) of a
    /// tetrahedral mesh, over the mesh's (x, y) bounding box: each tetrahedron whose z range holds the
    /// plane is tested at the pixel centres of its (x, y) bounding box.
    /// </summary>
    /// <exception cref="ArgumentException">The mesh is not three-dimensional.</exception>
    public static RasterSampler ForPlaneSlice(SimplexMesh mesh, double? z = null, int resolution = 200)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (mesh.Dimension != 3)
        {
            throw new ArgumentException($"a plane slice needs a 3D mesh, got dimension {mesh.Dimension}", nameof(mesh));
        }

        var box = BoundingBox(mesh);
        double plane = z ?? (0.5 * (box.Min[2] + box.Max[2]));
        var sampler = new RasterSampler(RasterGrid.Fit(box.Min[0], box.Max[0], box.Min[1], box.Max[1], resolution), mesh.VertexCount);
        ReadOnlySpan<double> x = mesh.Coordinates;
        ReadOnlySpan<int> cells = mesh.Cells;
        Span<int> v = stackalloc int[4];
        Span<double> lambda = stackalloc double[4];
        for (int cell = 0; cell < mesh.CellCount; cell++)
        {
            for (int k = 0; k < 4; k++)
            {
                v[k] = cells[(4 * cell) + k];
            }

            double zMin = double.PositiveInfinity, zMax = double.NegativeInfinity, xMin = zMin, xMax = zMax, yMin = zMin, yMax = zMax;
            foreach (int vertex in v)
            {
                (xMin, xMax) = (Math.Min(xMin, x[3 * vertex]), Math.Max(xMax, x[3 * vertex]));
                (yMin, yMax) = (Math.Min(yMin, x[(3 * vertex) + 1]), Math.Max(yMax, x[(3 * vertex) + 1]));
                (zMin, zMax) = (Math.Min(zMin, x[(3 * vertex) + 2]), Math.Max(zMax, x[(3 * vertex) + 2]));
            }

            if (plane < zMin || plane > zMax)
            {
                continue;
            }

            var tetrahedron = new TetrahedronBarycentric(x, v);
            if (!tetrahedron.IsValid)
            {
                continue;
            }

            var (firstColumn, lastColumn) = sampler.Grid.ColumnsCovering(xMin, xMax);
            var (firstRow, lastRow) = sampler.Grid.RowsCovering(yMin, yMax);
            for (int row = firstRow; row <= lastRow; row++)
            {
                for (int column = firstColumn; column <= lastColumn; column++)
                {
                    tetrahedron.Coordinates(sampler.Grid.CentreX(column), sampler.Grid.CentreY(row), plane, lambda);
                    if (lambda[0] >= -InsideTolerance && lambda[1] >= -InsideTolerance && lambda[2] >= -InsideTolerance && lambda[3] >= -InsideTolerance)
                    {
                        sampler.Set(row, column, v, lambda);
                    }
                }
            }
        }

        return sampler;
    }

    /// <summary>Samples a nodal field (one value per vertex): Σ λ_k u(v_k) at each pixel inside the mesh, NaN elsewhere.</summary>
    /// <exception cref="ArgumentException">The field length differs from the vertex count.</exception>
    public FieldRaster Sample(ReadOnlySpan<double> field)
    {
        if (field.Length != VertexCount)
        {
            throw new ArgumentException($"the field has {field.Length} values, the mesh {VertexCount} vertices", nameof(field));
        }

        var values = new double[Grid.Rows, Grid.Columns];
        for (int row = 0; row < Grid.Rows; row++)
        {
            for (int column = 0; column < Grid.Columns; column++)
            {
                int offset = ((row * Grid.Columns) + column) * Slots;
                if (vertices[offset] < 0)
                {
                    values[row, column] = double.NaN;
                    continue;
                }

                double sum = 0.0;
                for (int k = 0; k < Slots && vertices[offset + k] >= 0; k++)
                {
                    sum += weights[offset + k] * field[vertices[offset + k]];
                }

                values[row, column] = sum;
            }
        }

        return new FieldRaster(Grid, values);
    }

    private static (double[] Min, double[] Max) BoundingBox(SimplexMesh mesh)
    {
        int d = mesh.Dimension;
        var min = Enumerable.Repeat(double.PositiveInfinity, d).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, d).ToArray();
        ReadOnlySpan<double> x = mesh.Coordinates;
        for (int i = 0; i < x.Length; i++)
        {
            min[i % d] = Math.Min(min[i % d], x[i]);
            max[i % d] = Math.Max(max[i % d], x[i]);
        }

        return (min, max);
    }

    private void Set(int row, int column, ReadOnlySpan<int> cellVertices, ReadOnlySpan<double> lambda)
    {
        int offset = ((row * Grid.Columns) + column) * Slots;
        for (int k = 0; k < Slots; k++)
        {
            vertices[offset + k] = cellVertices[k];
            weights[offset + k] = lambda[k];
        }
    }
}
