using PdeFlows.Mesh;

namespace PdeFlows.Fuzz;

/// <summary>The Gmsh .msh reader (formats 2.2 and 4.1): every bad file must be a <see cref="MeshFormatException"/>.</summary>
internal sealed class GmshHarness : IFuzzTarget
{
    public string Name => "gmsh";

    public string Description => "GmshReader.Read on the text of a .msh file; expected error: MeshFormatException";

    public string? Run(string text)
    {
        try
        {
            GmshReadResult result = GmshReader.Read(new StringReader(text), "fuzz.msh");
            // The mesh must be usable: touch what the solver touches first.
            _ = result.Mesh.BoundingBox();
            return null;
        }
        catch (MeshFormatException e)
        {
            return e.Message;
        }
    }
}
