namespace PdeFlows.Mesh;

/// <summary>
/// An immutable conforming simplicial mesh in dimension d = 1, 2 or 3: vertex coordinates
/// (n × d, row-major), cells (m × (d+1) vertex indices, positively oriented), and named groups of
/// cells (subdomains) and of boundary facets. Operations such as refinement return new meshes.
/// </summary>
/// <remarks>
/// The constructor checks the invariants every algorithm relies on (finite coordinates, indices in
/// range, distinct vertices per cell, positive orientation); readers that know a file and line
/// check their input first and report there (see <see cref="MeshFormatException"/>).
/// </remarks>
public sealed class SimplexMesh
{
    private readonly double[] coordinates;
    private readonly int[] cells;
    private readonly Lazy<BoundaryFacets> boundary;

    /// <summary>Creates a mesh, copying the arrays.</summary>
    /// <param name="dimension">Spatial (and topological) dimension d ∈ {1, 2, 3}.</param>
    /// <param name="coordinates">Vertex coordinates, n × d row-major.</param>
    /// <param name="cells">Cell vertex indices, m × (d+1) row-major, positively oriented.</param>
    /// <param name="cellGroups">Named subdomains: sorted or unsorted cell indices (null: none).</param>
    /// <param name="facetGroups">Named boundary groups: facets as d vertex indices each (null: none).</param>
    /// <exception cref="ArgumentException">An invariant is violated; the message says which and where.</exception>
    public SimplexMesh(
        int dimension,
        ReadOnlySpan<double> coordinates,
        ReadOnlySpan<int> cells,
        IReadOnlyDictionary<string, int[]>? cellGroups = null,
        IReadOnlyDictionary<string, int[]>? facetGroups = null)
    {
        if (dimension is < 1 or > 3)
        {
            throw new ArgumentException($"dimension must be 1, 2 or 3, got {dimension}", nameof(dimension));
        }

        if (coordinates.Length % dimension != 0)
        {
            throw new ArgumentException($"coordinates length {coordinates.Length} is not a multiple of d = {dimension}", nameof(coordinates));
        }

        if (cells.Length % (dimension + 1) != 0)
        {
            throw new ArgumentException($"cells length {cells.Length} is not a multiple of d+1 = {dimension + 1}", nameof(cells));
        }

        Dimension = dimension;
        this.coordinates = coordinates.ToArray();
        this.cells = cells.ToArray();
        VertexCount = this.coordinates.Length / dimension;
        CellCount = this.cells.Length / (dimension + 1);
        MeshInvariants.Check(this);
        CellGroups = MeshGroups.CopyCellGroups(cellGroups, CellCount);
        FacetGroups = MeshGroups.CopyFacetGroups(facetGroups, dimension, VertexCount);
        boundary = new Lazy<BoundaryFacets>(() => BoundaryFacets.Compute(this));
    }

    /// <summary>Spatial dimension d.</summary>
    public int Dimension { get; }

    /// <summary>Number of vertices n.</summary>
    public int VertexCount { get; }

    /// <summary>Number of cells m.</summary>
    public int CellCount { get; }

    /// <summary>Vertices per cell, d + 1.</summary>
    public int VerticesPerCell => Dimension + 1;

    /// <summary>All coordinates, n × d row-major.</summary>
    public ReadOnlySpan<double> Coordinates => coordinates;

    /// <summary>All cells, m × (d+1) row-major.</summary>
    public ReadOnlySpan<int> Cells => cells;

    /// <summary>Named subdomains: sorted, distinct cell indices.</summary>
    public IReadOnlyDictionary<string, int[]> CellGroups { get; }

    /// <summary>Named boundary groups: facets as d vertex indices each (each facet's indices ascending).</summary>
    public IReadOnlyDictionary<string, int[]> FacetGroups { get; }

    /// <summary>The boundary facets (computed on first use, then kept).</summary>
    public BoundaryFacets Boundary => boundary.Value;

    /// <summary>The coordinates of vertex <paramref name="vertex"/> (length d).</summary>
    public ReadOnlySpan<double> Vertex(int vertex) => coordinates.AsSpan(vertex * Dimension, Dimension);

    /// <summary>The vertex indices of cell <paramref name="cell"/> (length d + 1).</summary>
    public ReadOnlySpan<int> Cell(int cell) => cells.AsSpan(cell * (Dimension + 1), Dimension + 1);

    /// <summary>Signed volume (length, area, volume) of a cell; positive for a valid mesh.</summary>
    public double CellVolume(int cell) => SimplexGeometry.SignedVolume(this, cell);

    /// <summary>Sum of the cell volumes: the measure of the meshed domain.</summary>
    public double TotalVolume()
    {
        double sum = 0;
        for (int c = 0; c < CellCount; c++)
        {
            sum += CellVolume(c);
        }

        return sum;
    }

    /// <summary>Axis-aligned bounding box of the vertices: (lower, upper), each of length d.</summary>
    public (double[] Lower, double[] Upper) BoundingBox()
    {
        var lower = Enumerable.Repeat(double.PositiveInfinity, Dimension).ToArray();
        var upper = Enumerable.Repeat(double.NegativeInfinity, Dimension).ToArray();
        for (int i = 0; i < VertexCount; i++)
        {
            for (int k = 0; k < Dimension; k++)
            {
                double v = coordinates[(i * Dimension) + k];
                lower[k] = Math.Min(lower[k], v);
                upper[k] = Math.Max(upper[k], v);
            }
        }

        return (lower, upper);
    }

    /// <summary>This mesh refined uniformly once (see <see cref="MeshRefinement"/>).</summary>
    public SimplexMesh Refined() => MeshRefinement.Refine(this);

    /// <summary>This mesh refined uniformly <paramref name="levels"/> times (0: this mesh).</summary>
    public SimplexMesh Refined(int levels) => MeshRefinement.Refine(this, levels);

    /// <summary>The quality report of this mesh (see <see cref="MeshQuality"/>).</summary>
    public MeshQualityReport Quality(MeshQualityTolerances? tolerances = null) => MeshQuality.Analyze(this, tolerances);

    /// <inheritdoc/>
    public override string ToString() => $"SimplexMesh(d={Dimension}, vertices={VertexCount}, cells={CellCount})";
}
