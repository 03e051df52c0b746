using System.Collections.Immutable;

namespace PdeFlows.Runs.Cases;

/// <summary>
/// <c>[domain]</c>: an interval, rectangle or box given by its corners and cells per axis, or a
/// Gmsh file. <c>lower</c>, <c>upper</c> and <c>cells</c> have one entry per axis (1, 2, 3) and
/// are empty for <see cref="DomainKind.Gmsh"/>, whose <c>file</c> is required.
/// </summary>
/// <param name="Kind">The domain kind.</param>
/// <param name="Lower">Lower corner, one entry per axis; empty for a Gmsh mesh.</param>
/// <param name="Upper">Upper corner, componentwise greater than <paramref name="Lower"/>; empty for a Gmsh mesh.</param>
/// <param name="Cells">Cells per axis, each ≥ 1; empty for a Gmsh mesh.</param>
/// <param name="File">The mesh file as written (relative to the case file's directory), for <see cref="DomainKind.Gmsh"/> only.</param>
/// <param name="Refine">Uniform refinements after building or reading the mesh, ≥ 0 (default 0).</param>
public sealed record DomainSection(
    DomainKind Kind,
    ImmutableArray<double> Lower,
    ImmutableArray<double> Upper,
    ImmutableArray<int> Cells,
    string? File,
    int Refine)
{
    /// <summary>The space dimension: 1, 2 or 3; <c>null</c> for a Gmsh mesh until it is read.</summary>
    public int? Dimension => DimensionOf(Kind);

    /// <summary>The dimension implied by a kind: interval 1, rectangle 2, box 3, gmsh unknown.</summary>
    /// <param name="kind">The domain kind.</param>
    /// <returns>The dimension, or <c>null</c> for Gmsh.</returns>
    public static int? DimensionOf(DomainKind kind) => kind switch
    {
        DomainKind.Interval => 1,
        DomainKind.Rectangle => 2,
        DomainKind.Box => 3,
        _ => null,
    };
}
