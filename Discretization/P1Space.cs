using PdeFlows.Discretization.Assembly;
using PdeFlows.Discretization.Geometry;
using PdeFlows.Discretization.Quadrature;
using PdeFlows.Mesh;

namespace PdeFlows.Discretization;

/// <summary>
/// The continuous piecewise-linear Lagrange space on a simplicial mesh: one degree of freedom per
/// vertex, basis functions φ_i the hat functions (on a cell, the barycentric coordinates). A field is a
/// plain array of nodal values. The sparsity structure and the point locator are built on first use
/// and then kept (the mesh is immutable).
/// </summary>
public sealed class P1Space
{
    private readonly Lazy<MeshSparsity> sparsity;
    private readonly Lazy<PointLocator> locator;

    /// <summary>Creates the space on a mesh.</summary>
    public P1Space(SimplexMesh mesh)
    {
        Mesh = mesh ?? throw new ArgumentNullException(nameof(mesh));
        sparsity = new Lazy<MeshSparsity>(() => new MeshSparsity(mesh));
        locator = new Lazy<PointLocator>(() => new PointLocator(mesh));
    }

    /// <summary>The mesh.</summary>
    public SimplexMesh Mesh { get; }

    /// <summary>Spatial dimension d.</summary>
    public int Dimension => Mesh.Dimension;

    /// <summary>Number of degrees of freedom (= vertices).</summary>
    public int DofCount => Mesh.VertexCount;

    /// <summary>The pattern, cell entry map and cell colouring used by assembly (built once).</summary>
    public MeshSparsity Sparsity => sparsity.Value;

    /// <summary>The cell locator for point evaluation (built once).</summary>
    public PointLocator Locator => locator.Value;

    /// <summary>Nodal interpolation: u_i = f(x_i).</summary>
    public double[] Interpolate(SpatialFunction function)
    {
        var values = new double[DofCount];
        Interpolate(function, values);
        return values;
    }

    /// <summary>Nodal interpolation into a caller-owned array.</summary>
    public void Interpolate(SpatialFunction function, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(function);
        CheckLength(values.Length);
        for (int i = 0; i < DofCount; i++)
        {
            values[i] = function(Mesh.Vertex(i));
        }
    }

    /// <summary>
    /// The value of the P1 field at an arbitrary point: NaN when the point is outside the mesh
    /// (up to <see cref="PointLocator.Tolerance"/> in barycentric coordinates).
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> nodal, ReadOnlySpan<double> point)
    {
        CheckLength(nodal.Length);
        Span<double> lambda = stackalloc double[4];
        int cell = Locator.Locate(point, lambda);
        if (cell < 0)
        {
            return double.NaN;
        }

        var vertices = Mesh.Cell(cell);
        double sum = 0;
        for (int k = 0; k < vertices.Length; k++)
        {
            sum += lambda[k] * nodal[vertices[k]];
        }

        return sum;
    }

    /// <summary>∫ u_h for a nodal field: exact, equal to Σ m_i u_i with the lumped mass m.</summary>
    public double Integrate(ReadOnlySpan<double> nodal)
    {
        CheckLength(nodal.Length);
        double sum = 0;
        int d = Dimension;
        for (int c = 0; c < Mesh.CellCount; c++)
        {
            double cellSum = 0;
            foreach (int v in Mesh.Cell(c))
            {
                cellSum += nodal[v];
            }

            sum += Mesh.CellVolume(c) * cellSum / (d + 1);
        }

        return sum;
    }

    /// <summary>Cells per block of <see cref="Integrate(SpatialFunction, int)"/> (fixed: the sum does not depend on the thread count).</summary>
    private const int IntegrationBlockCells = 16384;

    /// <summary>
    /// ∫ f by a cell quadrature rule of the given degree. Blocks of cells run in parallel; each
    /// block's sum is formed in cell order and the blocks' sums are added in block order, so the
    /// result does not depend on the thread count (and equals the serial sum on meshes of one block).
    /// </summary>
    public double Integrate(SpatialFunction function, int degree = 4)
    {
        ArgumentNullException.ThrowIfNull(function);
        var rule = SimplexQuadrature.Get(Dimension, degree);
        int blocks = (Mesh.CellCount + IntegrationBlockCells - 1) / IntegrationBlockCells;
        var partials = new double[Math.Max(1, blocks)];
        void IntegrateBlock(int block)
        {
            Span<double> x = stackalloc double[3];
            Span<double> jacobian = stackalloc double[9];
            double sum = 0;
            int end = Math.Min(Mesh.CellCount, (block + 1) * IntegrationBlockCells);
            for (int c = block * IntegrationBlockCells; c < end; c++)
            {
                AffineSimplexMap.Jacobian(Mesh, c, jacobian);
                double det = Math.Abs(AffineSimplexMap.Determinant(jacobian, Dimension));
                double cellSum = 0;
                for (int q = 0; q < rule.PointCount; q++)
                {
                    AffineSimplexMap.ToPhysical(Mesh, c, rule.BarycentricPoint(q), x);
                    cellSum += rule.Weights[q] * function(x[..Dimension]);
                }

                sum += det * cellSum;
            }

            partials[block] = sum;
        }

        LinearAlgebra.BlockParallel.For(Math.Max(1, blocks), IntegrateBlock); // one block (up to 16384 cells) on this thread

        double total = 0;
        foreach (double partial in partials)
        {
            total += partial;
        }

        return total;
    }

    private void CheckLength(int length)
    {
        if (length != DofCount)
        {
            throw new ArgumentException($"a nodal field on this space has {DofCount} values, got {length}");
        }
    }
}
