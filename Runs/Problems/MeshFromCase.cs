using PdeFlows.Runs.Cases;
using PdeFlows.Mesh;
using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Problems;

/// <summary>The mesh of a case's [domain] section: generated (interval, rectangle, box) or read from Gmsh, then refined.</summary>
public static class MeshFromCase
{
    /// <summary>
    /// The most cells a mesh may have after refinement: arrays are indexed by 32-bit integers, and
    /// the cell array (d + 1 entries per cell) and the stiffness matrix's nonzeros (fewer than 8 per
    /// cell) must stay below <see cref="int.MaxValue"/>. A larger request is a located user error,
    /// not an arithmetic overflow inside the generator.
    /// </summary>
    public const long MaximumCells = int.MaxValue / 8;

    /// <summary>Builds the mesh; errors in a mesh file surface as <see cref="MeshFormatException"/> (file and line of the mesh file).</summary>
    public static SimplexMesh Build(CaseDefinition definition)
    {
        var domain = definition.Domain;
        SimplexMesh mesh;
        if (domain.Kind == DomainKind.Gmsh)
        {
            string file = domain.File!;
            string path = Path.IsPathRooted(file) ? file : Path.Combine(definition.Directory ?? ".", file);
            if (!File.Exists(path))
            {
                throw definition.Locations.Error(CaseKeys.Domain.File, $"the mesh file '{path}' does not exist");
            }

            mesh = GmshReader.Read(path).Mesh;
            CheckSize(definition, CaseKeys.Domain.Refine, mesh.CellCount, mesh.Dimension, domain.Refine);
        }
        else
        {
            // Simplices per box cell: 1 (interval), 2 (triangles), 6 (tetrahedra).
            int d = domain.Cells.Length;
            double cells = domain.Cells.Aggregate(1.0, (product, n) => product * n) * (d == 1 ? 1 : d == 2 ? 2 : 6);
            CheckSize(definition, domain.Refine > 0 ? CaseKeys.Domain.Refine : CaseKeys.Domain.Cells, cells, d, domain.Refine);
            mesh = MeshGenerators.Structured(domain.Lower.ToArray(), domain.Upper.ToArray(), domain.Cells.ToArray());
        }

        return domain.Refine > 0 ? mesh.Refined(domain.Refine) : mesh;
    }

    /// <summary>Refuses a mesh of more than <see cref="MaximumCells"/> cells after <paramref name="refine"/> uniform refinements (each multiplies the cells by 2^d).</summary>
    private static void CheckSize(CaseDefinition definition, TomlKey key, double cells, int dimension, int refine)
    {
        double refined = cells * Math.Pow(2, dimension * refine);
        if (refined > MaximumCells)
        {
            throw definition.Locations.Error(key, $"the mesh would have {refined:G4} cells{(refine > 0 ? $" after {refine} refinements" : "")}; at most {MaximumCells:N0} are supported (32-bit indices)");
        }
    }
}
