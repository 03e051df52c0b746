using PdeFlows.Mesh;
using PureHDF;

namespace PdeFlows.IO.Tests;

/// <summary>
/// Writes the HDF5 entries of the bad-input catalog (tests/catalog/result/*.h5 and
/// tests/catalog/checkpoint/*.h5; their expectations are written by hand beside them): a valid file
/// made with the writer's own pieces, then one defect each. A tool, not a test: it runs only with
/// <c>PDEFLOWS_UPDATE_CATALOG=1</c> (skipped otherwise). The checkpoints fit the catalog's host case
/// (tests/catalog/hosts/checkpoint-case.toml: an interval of 4 cells, a checkpoint at step 5, t = 0.5).
/// </summary>
public class CatalogGenerator
{
    private static string Catalog()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PdeFlows.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "catalog");
    }

    [SkippableFact]
    public void Write_the_HDF5_entries_of_the_bad_input_catalog()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("PDEFLOWS_UPDATE_CATALOG") == "1", "a generator, not a test: set PDEFLOWS_UPDATE_CATALOG=1 to rewrite tests/catalog/{result,checkpoint}/*.h5");
        WriteResults(Path.Combine(Catalog(), "result"));
        WriteCheckpoints(Path.Combine(Catalog(), "checkpoint"), File.ReadAllText(Path.Combine(Catalog(), "hosts", "checkpoint-case.toml")));
    }

    private static SimplexMesh Mesh() => MeshGenerators.Interval(0.0, 1.0, 4);

    private static Dictionary<string, double[]> Fields(double scale) => new()
    {
        ["u"] = [1.0 * scale, 1.2 * scale, 1.4 * scale, 1.6 * scale, 1.8 * scale],
        ["g"] = [1.0, 1.1, 1.2, 1.3, 1.4],
    };

    private static TimeSeries Series(double[] times) => new(times, new Dictionary<string, ShapedArray>
    {
        ["step"] = ShapedArray.Vector(times.Select(t => t * 10).ToArray()),
        ["energy"] = ShapedArray.Vector(times.Select(t => Math.Exp(-t)).ToArray()),
        ["mass"] = ShapedArray.Vector(times.Select(_ => 1.4).ToArray()),
        ["mean"] = new ShapedArray(times.Select(_ => 0.55).ToArray(), times.Length, 1),
        ["covariance"] = new ShapedArray(times.Select(_ => 0.08).ToArray(), times.Length, 1, 1),
        ["dissipation"] = ShapedArray.Vector(times.Select(t => Math.Exp(-t)).ToArray()),
        ["edb_defect"] = ShapedArray.Vector(times.Select(_ => 0.0).ToArray()),
        ["min_density"] = ShapedArray.Vector(times.Select(_ => 1.0).ToArray()),
        ["probes"] = new ShapedArray([], times.Length, 0),
    });

    private static ResultProvenance Provenance(string caseText) =>
        new("catalog", caseText, "{}", [], "managed", "0.1.0", null, "catalog-machine", "Linux", 2, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), 1.5, 10, 0);

    /// <summary>A result.h5 with every part, given to <paramref name="change"/> before it is written.</summary>
    private static void Result(string path, Action<H5File> change, string format = ResultFormats.Result)
    {
        var mesh = Mesh();
        var file = HdfWrite.NewFile(format);
        file["mesh"] = MeshHdf.Build(mesh);
        file["provenance"] = ProvenanceHdf.Build(Provenance("name = \"catalog\"\n"));
        file["series"] = SeriesHdf.Build(Series([0.0, 1.0]));
        file["output"] = new H5Group { ["times"] = HdfWrite.Doubles([0.0, 1.0], 2), ["steps"] = HdfWrite.Integers([0, 10], 2) };
        var first = new H5Group();
        StepHdf.Fill(first, 0, 0.0, Fields(1));
        var second = new H5Group();
        StepHdf.Fill(second, 10, 1.0, Fields(0.9));
        file["steps"] = new H5Group { ["step-000000"] = first, ["step-000010"] = second };
        change(file);
        file.Write(path);
    }

    private static H5Group Group(H5Group parent, string name) => (H5Group)parent[name];

    private static void WriteResults(string folder)
    {
        Directory.CreateDirectory(folder);
        string valid = Path.Combine(Path.GetTempPath(), "pdeflows-catalog-valid.h5");
        Result(valid, _ => { });
        byte[] bytes = File.ReadAllBytes(valid);
        File.WriteAllBytes(Path.Combine(folder, "empty.h5"), []);
        var random = new byte[2048];
        new Random(13).NextBytes(random);
        File.WriteAllBytes(Path.Combine(folder, "random-bytes.h5"), random);
        File.WriteAllBytes(Path.Combine(folder, "truncated-superblock.h5"), bytes[..40]);
        File.WriteAllBytes(Path.Combine(folder, "truncated-half.h5"), bytes[..(bytes.Length / 2)]);
        File.WriteAllBytes(Path.Combine(folder, "text-file.h5"), "this is not an HDF5 file\n"u8.ToArray());
        new H5File { ["data"] = new double[] { 1, 2 } }.Write(Path.Combine(folder, "no-format-attribute.h5"));
        Result(Path.Combine(folder, "checkpoint-format.h5"), _ => { }, CheckpointHdf.Format);
        Result(Path.Combine(folder, "format-version-2.h5"), f => f.Attributes["format_version"] = 2);
        Result(Path.Combine(folder, "missing-cells.h5"), f => Group(f, "mesh").Remove("cells"));
        Result(Path.Combine(folder, "cells-wrong-shape.h5"), f => Group(f, "mesh")["cells"] = HdfWrite.Integers(new long[12], 4, 3));
        Result(Path.Combine(folder, "cells-as-floats.h5"), f => Group(f, "mesh")["cells"] = HdfWrite.Doubles([0, 1, 1, 2, 2, 3, 3, 4], 4, 2));
        Result(Path.Combine(folder, "cell-index-out-of-range.h5"), f => Group(f, "mesh")["cells"] = HdfWrite.Integers([0, 1, 1, 2, 2, 3, 3, 9], 4, 2));
        Result(Path.Combine(folder, "nan-coordinate.h5"), f => Group(f, "mesh")["coordinates"] = HdfWrite.Doubles([0, 0.25, double.NaN, 0.75, 1], 5, 1));
        Result(Path.Combine(folder, "missing-coordinates.h5"), f => Group(f, "mesh").Remove("coordinates"));
        Result(Path.Combine(folder, "field-wrong-length.h5"), f => Group(Group(Group(f, "steps"), "step-000010"), "fields")["u"] = HdfWrite.Doubles([1.0, 2.0, 3.0], 3));
        Result(Path.Combine(folder, "missing-step-group.h5"), f => Group(f, "steps").Remove("step-000010"));
        Result(Path.Combine(folder, "nan-series-time.h5"), f => Group(f, "series")["times"] = HdfWrite.Doubles([0.0, double.NaN], 2));
        Result(Path.Combine(folder, "output-times-wrong-length.h5"), f => Group(f, "output")["times"] = HdfWrite.Doubles([0.0], 1));
        Result(Path.Combine(folder, "missing-provenance-attribute.h5"), f => Group(f, "provenance").Attributes.Remove("machine_name"));
        Result(Path.Combine(folder, "bad-started-utc.h5"), f => Group(f, "provenance").Attributes["started_utc"] = "yesterday");
        Result(Path.Combine(folder, "missing-case-text.h5"), f => Group(f, "provenance").Remove("case_text"));
        Result(Path.Combine(folder, "mesh-is-a-dataset.h5"), f => f["mesh"] = HdfWrite.Doubles([1.0], 1));
        File.Delete(valid);
    }

    /// <summary>The parts of a checkpoint of the host case at step 5 (t = 0.5), editable before the file is built.</summary>
    private sealed class Parts
    {
        public Dictionary<string, ShapedArray> Arrays { get; } = new() { ["density"] = ShapedArray.Vector([1.0, 1.1, 1.2, 1.3, 1.4]) };

        public Dictionary<string, double> Scalars { get; } = new() { ["time"] = 0.5, ["edb_defect"] = 0.0, ["current_step"] = 0.1 };

        public Dictionary<string, long> Integers { get; } = new() { ["step"] = 5, ["rejected"] = 0, ["next_output"] = 1 };

        public Dictionary<string, ShapedArray> Series { get; } = new(CatalogGenerator.Series([0.0]).Quantities);
    }

    /// <summary>Writes a checkpoint: the valid parts, edited by <paramref name="parts"/>, the file then edited by <paramref name="change"/>.</summary>
    private static void Checkpoint(string path, string caseText, Action<H5File> change, Action<Parts>? parts = null)
    {
        var p = new Parts();
        parts?.Invoke(p);
        var state = new CheckpointState(p.Arrays, p.Scalars, p.Integers, new TimeSeries([0.0], p.Series));
        var file = CheckpointHdf.Build(5, 0.5, CaseTextHash.Compute(caseText), state);
        change(file);
        file.Write(path);
    }

    private static void WriteCheckpoints(string folder, string caseText)
    {
        Directory.CreateDirectory(folder);
        string valid = Path.Combine(Path.GetTempPath(), "pdeflows-catalog-ckpt.h5");
        Checkpoint(valid, caseText, _ => { });
        byte[] bytes = File.ReadAllBytes(valid);
        File.WriteAllBytes(Path.Combine(folder, "empty.h5"), []);
        var random = new byte[1024];
        new Random(29).NextBytes(random);
        File.WriteAllBytes(Path.Combine(folder, "random-bytes.h5"), random);
        File.WriteAllBytes(Path.Combine(folder, "truncated-half.h5"), bytes[..(bytes.Length / 2)]);
        File.WriteAllBytes(Path.Combine(folder, "truncated-tail.h5"), bytes[..(bytes.Length - 64)]);
        Checkpoint(Path.Combine(folder, "another-case-text.h5"), caseText + "\n# edited\n", _ => { });
        Checkpoint(Path.Combine(folder, "missing-case-hash.h5"), caseText, f => f.Attributes.Remove("case_sha256"));
        Checkpoint(Path.Combine(folder, "result-format.h5"), caseText, f => f.Attributes["format"] = ResultFormats.Result);
        Checkpoint(Path.Combine(folder, "negative-step.h5"), caseText, f => f["step"] = -3L);
        Checkpoint(Path.Combine(folder, "infinite-time.h5"), caseText, f => f["time"] = double.PositiveInfinity);
        Checkpoint(Path.Combine(folder, "nan-density.h5"), caseText, f => Group(f, "arrays")["density"] = HdfWrite.Doubles([1.0, double.NaN, 1.2, 1.3, 1.4], 5));
        Checkpoint(Path.Combine(folder, "negative-density.h5"), caseText, _ => { }, p => p.Arrays["density"] = ShapedArray.Vector([1.0, 1.1, -0.2, 1.3, 1.4]));
        Checkpoint(Path.Combine(folder, "density-wrong-length.h5"), caseText, _ => { }, p => p.Arrays["density"] = ShapedArray.Vector([1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6]));
        Checkpoint(Path.Combine(folder, "missing-density.h5"), caseText, _ => { }, p => p.Arrays.Remove("density"));
        Checkpoint(Path.Combine(folder, "missing-time-scalar.h5"), caseText, _ => { }, p => p.Scalars.Remove("time"));
        Checkpoint(Path.Combine(folder, "time-after-end.h5"), caseText, _ => { }, p => p.Scalars["time"] = 7.5);
        Checkpoint(Path.Combine(folder, "zero-step-size.h5"), caseText, _ => { }, p => p.Scalars["current_step"] = 0.0);
        Checkpoint(Path.Combine(folder, "next-output-out-of-range.h5"), caseText, _ => { }, p => p.Integers["next_output"] = 9);
        Checkpoint(Path.Combine(folder, "rows-and-next-output-disagree.h5"), caseText, _ => { }, p => p.Integers["next_output"] = 2);
        Checkpoint(Path.Combine(folder, "series-missing-energy.h5"), caseText, _ => { }, p => p.Series.Remove("energy"));
        Checkpoint(Path.Combine(folder, "density-is-a-scalar.h5"), caseText, f => Group(f, "arrays")["density"] = 1.0);
        File.Delete(valid);
    }
}
