using PdeFlows.Tests.Shared;
using System.Text.Json;

namespace PdeFlows.IO.Tests;

/// <summary>Cross-checks with the reference readers: h5dump, h5py and meshio's XDMF TimeSeriesReader (skipped when not installed).</summary>
public class ReferenceToolTests
{
    private static (string Run, PdeFlows.Mesh.SimplexMesh Mesh, ResultWriter Writer, double[] Times) WriteRun(TemporaryDirectory temporary, int dimension)
    {
        var mesh = TestData.Mesh(dimension);
        var writer = ResultWriter.Create(temporary.Run, mesh, TestData.Provenance());
        double[] times = [0.0, 1.0 / 3.0, 2.5];
        for (int k = 0; k < times.Length; k++)
        {
            writer.WriteOutputStep(k * 10, times[k], TestData.Fields(mesh.VertexCount, k));
        }

        writer.WriteTimeSeries(TestData.Series(times, dimension));
        return (temporary.Run, mesh, writer, times);
    }

    [SkippableFact]
    public void H5dumpListsTheDatasets()
    {
        string? h5dump = ExternalTool.Find("h5dump");
        NativeTool.Require(h5dump is not null, "h5dump not installed (Debian package hdf5-tools)");
        using var temporary = new TemporaryDirectory();
        var (run, _, writer, _) = WriteRun(temporary, 2);
        writer.WriteCheckpoint(20, 2.5, TestData.State(TestData.Mesh(2).VertexCount, 20));
        writer.Finish(1.5);
        foreach (string file in Directory.GetFiles(run, "*.h5", SearchOption.AllDirectories))
        {
            Assert.True(ExternalTool.Run(h5dump!, ["-H", file], out string header, out string errors) == 0, $"h5dump -H {file} failed:\n{header}\n{errors}");
        }

        ExternalTool.Run(h5dump!, ["-H", Path.Combine(run, ResultLayout.ResultFile)], out string output, out _);
        foreach (string expected in new[]
        {
            "GROUP \"mesh\"", "DATASET \"coordinates\"", "DATASET \"cells\"", "H5T_STD_I64LE", "H5T_IEEE_F64LE",
            "GROUP \"step-000020\"", "DATASET \"log_g\"", "GROUP \"series\"", "DATASET \"covariance\"",
            "GROUP \"provenance\"", "DATASET \"case_text\"", "ATTRIBUTE \"wall_seconds\"", "ATTRIBUTE \"format\"",
        })
        {
            Assert.Contains(expected, output);
        }
    }

    [SkippableFact]
    public void H5pyReadsCoordinatesCellsAndFieldsBitExactly()
    {
        NativeTool.Require(ExternalTool.PythonHas("h5py"), "/usr/bin/python3 with h5py not installed (Debian package python3-h5py)");
        using var temporary = new TemporaryDirectory();
        var (run, mesh, writer, times) = WriteRun(temporary, 3);
        writer.Finish(1.5);
        const string script = """
            import h5py, json, sys
            f = h5py.File(sys.argv[1], "r")
            hexf = lambda a: a.astype("<f8").tobytes().hex()
            print(json.dumps({
                "coordinates": hexf(f["mesh/coordinates"][()]),
                "shape": list(f["mesh/coordinates"].shape),
                "cells": f["mesh/cells"][()].astype("<i8").tobytes().hex(),
                "u_last": hexf(f["steps/step-000020/fields/u"][()]),
                "times": hexf(f["output/times"][()]),
                "case_name": f["provenance"].attrs["case_name"],
                "case_text": f["provenance/case_text"][()].decode(),
                "wall": repr(float(f["provenance"].attrs["wall_seconds"])),
            }))
            """;
        var json = JsonDocument.Parse(ExternalTool.RunPython(script, Path.Combine(run, ResultLayout.ResultFile))).RootElement;
        Assert.Equal(Bits.Hex(mesh.Coordinates), json.GetProperty("coordinates").GetString());
        Assert.Equal([mesh.VertexCount, 3], json.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(Convert.ToHexStringLower(mesh.Cells.ToArray().SelectMany(c => BitConverter.GetBytes((long)c)).ToArray()), json.GetProperty("cells").GetString());
        Assert.Equal(Bits.Hex(TestData.Fields(mesh.VertexCount, 2)["u"]), json.GetProperty("u_last").GetString());
        Assert.Equal(Bits.Hex(times), json.GetProperty("times").GetString());
        Assert.Equal("test-case", json.GetProperty("case_name").GetString());
        Assert.Equal(TestData.Provenance().CaseText, json.GetProperty("case_text").GetString());
        Assert.Equal("1.5", json.GetProperty("wall").GetString());
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MeshioReadsTheXdmfTimeSeriesWhileRunningAndFinished(int dimension)
    {
        NativeTool.Require(ExternalTool.PythonHas("meshio"), "/usr/bin/python3 with meshio not installed (Debian package python3-meshio)");
        using var temporary = new TemporaryDirectory();
        var (run, mesh, writer, times) = WriteRun(temporary, dimension);
        const string script = """
            import meshio, numpy, json, sys
            d = int(sys.argv[1])
            hexf = lambda a: numpy.ascontiguousarray(a).astype("<f8").tobytes().hex()
            results = []
            for path in sys.argv[2:]:
                with meshio.xdmf.TimeSeriesReader(path) as reader:
                    points, cells = reader.read_points_cells()
                    steps = []
                    for k in range(reader.num_steps):
                        t, point_data, _ = reader.read_data(k)
                        steps.append({"t": repr(t), "fields": {name: hexf(v) for name, v in point_data.items()}})
                results.append({
                    "points": hexf(points[:, :d]),
                    "padding": float(abs(points[:, d:]).max()) if points.shape[1] > d else 0.0,
                    "cells": [[block.type, block.data.astype("<i8").tobytes().hex()] for block in cells],
                    "steps": steps,
                })
            print(json.dumps(results))
            """;

        // The index while running (pointing at mesh.h5 and steps/), kept under another name, and the final one (into result.h5).
        string running = Path.Combine(run, "running.xdmf");
        File.Copy(Path.Combine(run, ResultLayout.XdmfFile), running);
        writer.Finish(1.0);
        string finalIndex = File.ReadAllText(Path.Combine(run, ResultLayout.XdmfFile));
        Assert.DoesNotContain(ResultLayout.StepFile(0), finalIndex);
        Assert.Contains("result.h5:/steps/step-000000/fields/u", finalIndex);
        string output = ExternalTool.RunPython(script, dimension.ToString(System.Globalization.CultureInfo.InvariantCulture), running, Path.Combine(run, ResultLayout.XdmfFile));
        string expectedType = dimension switch { 1 => "line", 2 => "triangle", _ => "tetra" };
        string expectedCells = Convert.ToHexStringLower(mesh.Cells.ToArray().SelectMany(c => BitConverter.GetBytes((long)c)).ToArray());
        var results = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        foreach (var json in results)
        {
            Assert.Equal(Bits.Hex(mesh.Coordinates), json.GetProperty("points").GetString());
            Assert.Equal(0.0, json.GetProperty("padding").GetDouble());
            var block = Assert.Single(json.GetProperty("cells").EnumerateArray().ToList());
            Assert.Equal(expectedType, block[0].GetString());
            Assert.Equal(expectedCells, block[1].GetString());
            var steps = json.GetProperty("steps").EnumerateArray().ToList();
            Assert.Equal(times.Length, steps.Count);
            for (int k = 0; k < times.Length; k++)
            {
                Assert.Equal(times[k].ToString("R", System.Globalization.CultureInfo.InvariantCulture), PythonRepr(steps[k].GetProperty("t").GetString()!));
                var fields = steps[k].GetProperty("fields");
                foreach (var (name, values) in TestData.Fields(mesh.VertexCount, k))
                {
                    Assert.Equal(Bits.Hex(values), fields.GetProperty(name).GetString());
                }
            }
        }
    }

    /// <summary>Python's repr writes 0.0 and 2.5 as .NET's "R" writes 0 and 2.5: normalise the integral case.</summary>
    private static string PythonRepr(string repr) => repr.EndsWith(".0", StringComparison.Ordinal) ? repr[..^2] : repr;
}
