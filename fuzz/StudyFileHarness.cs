using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Studies;

namespace PdeFlows.Fuzz;

/// <summary>The study-file reader (study tables and the inline case): every bad file must be a <see cref="CaseFileException"/>.</summary>
internal sealed class StudyFileHarness : IFuzzTarget
{
    public string Name => "study";

    public string Description => "StudyFileLoader.Parse on the text of a study file; expected error: CaseFileException";

    public string? Run(string text)
    {
        try
        {
            StudyFileLoader.Parse(text, "fuzz-study.toml", FuzzFolders.Empty);
            return null;
        }
        catch (CaseFileException e)
        {
            return e.Message;
        }
    }
}
