namespace PdeFlows.IO;

/// <summary>The values of the root <c>format</c> attribute that identify each kind of PdeFlows HDF5 file.</summary>
internal static class ResultFormats
{
    /// <summary>mesh.h5.</summary>
    public const string Mesh = "pdeflows-mesh";

    /// <summary>series.h5.</summary>
    public const string Series = "pdeflows-series";

    /// <summary>result.h5.</summary>
    public const string Result = "pdeflows-result";
}
