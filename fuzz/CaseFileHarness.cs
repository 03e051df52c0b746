using PdeFlows.Runs.Cases;

namespace PdeFlows.Fuzz;

/// <summary>The case-file reader (TOML, key table, expressions): every bad file must be a <see cref="CaseFileException"/>.</summary>
internal sealed class CaseFileHarness : IFuzzTarget
{
    public string Name => "case";

    public string Description => "CaseFileLoader.Parse on the text of a case file; expected error: CaseFileException";

    public string? Run(string text)
    {
        try
        {
            // A folder that holds no mesh: a gmsh case refers to a file that is not there.
            CaseFileLoader.Parse(text, "fuzz.toml", FuzzFolders.Empty);
            return null;
        }
        catch (CaseFileException e)
        {
            return e.Message;
        }
    }
}
