using PdeFlows.Runs.Cases;
using PdeFlows.Mesh;

namespace PdeFlows.Runs.Problems;

/// <summary>The mesh of a case's [domain] section: generated (interval, rectangle, box) or read from Gmsh, then refined.</summary>
public static class MeshFromCase
{
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
        }
        else
        {
            mesh = MeshGenerators.Structured(domain.Lower.ToArray(), domain.Upper.ToArray(), domain.Cells.ToArray());
        }

        return domain.Refine > 0 ? mesh.Refined(domain.Refine) : mesh;
    }
}
