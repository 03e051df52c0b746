using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PdeFlows.Runs.Demo;

/// <summary>
/// The case files of <c>pdeflows demo</c>, kept as TOML text in <c>Verification/Demo/Cases/</c>
/// (embedded in the assembly) so that the demo writes them out verbatim and a user can rerun each
/// with <c>pdeflows run</c>.
/// </summary>
public static partial class DemoCaseFiles
{
    /// <summary>The bimodal spherical WFR case (transport and reaction).</summary>
    public const string SphericalWassersteinFisherRao = "bimodal-swfr.toml";

    /// <summary>The same case with transport only (β = 0, flow <c>w</c>).</summary>
    public const string Wasserstein = "bimodal-w.toml";

    /// <summary>The same case with reaction only (α = 0, flow <c>sfr</c>).</summary>
    public const string SphericalFisherRao = "bimodal-sfr.toml";

    /// <summary>The exact reference of the λ sweep (coarser mesh, well-prepared initial density).</summary>
    public const string LambdaExact = "lambda-exact.toml";

    /// <summary>The kernel-approximate flow of the λ sweep, written for λ = 1e-2; <see cref="KernelCaseText"/> sets λ.</summary>
    public const string LambdaKernelTemplate = "lambda-kernel.toml";

    /// <summary>The text of one embedded case file.</summary>
    /// <param name="fileName">One of the file-name constants of this class.</param>
    /// <returns>The TOML text.</returns>
    /// <exception cref="ArgumentException">No such embedded case.</exception>
    public static string Text(string fileName)
    {
        var assembly = typeof(DemoCaseFiles).Assembly;
        using Stream? stream = assembly.GetManifestResourceStream($"PdeFlows.Runs.Demo.Cases.{fileName}")
            ?? throw new ArgumentException($"no embedded demo case '{fileName}'", nameof(fileName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The kernel case of the λ sweep for <paramref name="lambda"/>: the template with its <c>lambda</c> line and name replaced.</summary>
    /// <param name="lambda">λ &gt; 0.</param>
    /// <returns>The TOML text.</returns>
    public static string KernelCaseText(double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        string text = Text(LambdaKernelTemplate);
        text = LambdaLine().Replace(text, $"lambda = {lambda.ToString("0.###e+0", CultureInfo.InvariantCulture)}", 1);
        text = NameLine().Replace(text, $"name = \"demo-lambda-kernel-{LambdaTag(lambda)}\"", 1);
        return text;
    }

    /// <summary>A file-name-safe tag for λ, e.g. <c>1e-04</c>.</summary>
    /// <param name="lambda">λ &gt; 0.</param>
    /// <returns>The tag.</returns>
    public static string LambdaTag(double lambda) => lambda.ToString("0e+00", CultureInfo.InvariantCulture).Replace("+", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"^lambda = .*$", RegexOptions.Multiline)]
    private static partial Regex LambdaLine();

    [GeneratedRegex(@"^name = .*$", RegexOptions.Multiline)]
    private static partial Regex NameLine();
}
