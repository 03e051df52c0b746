using System.Globalization;

namespace PdeFlows.IO;

/// <summary>
/// File names of a result directory (docs/results-format.md): <c>mesh.h5</c>,
/// <c>steps/step-NNNNNN.h5</c>, <c>checkpoints/ckpt-NNNNNN.h5</c>, <c>series.h5</c>,
/// <c>result.xdmf</c> and, once finished, <c>result.h5</c>. Temporary files end in <c>.tmp</c>.
/// </summary>
public static class ResultLayout
{
    /// <summary>The mesh (and start-of-run provenance) file.</summary>
    public const string MeshFile = "mesh.h5";

    /// <summary>The folder of per-output-step files.</summary>
    public const string StepsFolder = "steps";

    /// <summary>The folder of checkpoint files.</summary>
    public const string CheckpointsFolder = "checkpoints";

    /// <summary>The summary time series file.</summary>
    public const string SeriesFile = "series.h5";

    /// <summary>The XDMF index for ParaView and meshio.</summary>
    public const string XdmfFile = "result.xdmf";

    /// <summary>The consolidated result written when the run finishes.</summary>
    public const string ResultFile = "result.h5";

    /// <summary>The suffix of files being written (never a final name).</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>The group name of an output step inside result.h5, e.g. <c>step-000042</c>.</summary>
    public static string StepName(int step) => "step-" + step.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The relative path of an output step file, e.g. <c>steps/step-000042.h5</c>.</summary>
    public static string StepFile(int step) => $"{StepsFolder}/{StepName(step)}.h5";

    /// <summary>The relative path of a checkpoint file, e.g. <c>checkpoints/ckpt-000100.h5</c>.</summary>
    public static string CheckpointFile(int step) => $"{CheckpointsFolder}/ckpt-{step.ToString("D6", CultureInfo.InvariantCulture)}.h5";

    /// <summary>Files in <paramref name="folder"/> named <c>prefix-DIGITS.h5</c>, with their numbers, ascending.</summary>
    internal static List<(int Number, string Path)> NumberedFiles(string folder, string prefix)
    {
        var found = new List<(int, string)>();
        if (!Directory.Exists(folder))
        {
            return found;
        }

        foreach (string path in Directory.EnumerateFiles(folder, prefix + "-*.h5"))
        {
            string stem = Path.GetFileNameWithoutExtension(path)[(prefix.Length + 1)..];
            if (stem.Length > 0 && stem.All(char.IsAsciiDigit)
                && int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                found.Add((number, path));
            }
        }

        found.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return found;
    }
}
