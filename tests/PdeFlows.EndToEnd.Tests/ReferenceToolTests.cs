using PdeFlows.Tests.Shared;
using System.Diagnostics;
using System.Globalization;
using PdeFlows.IO;

namespace PdeFlows.EndToEnd.Tests;

/// <summary>A result written by <c>pdeflows run --out</c>, read by meshio (the reference XDMF reader).</summary>
[Collection(ProcessCollection.Name)]
public class ReferenceToolTests(RunFixture fixture)
{
    private const string Python = "/usr/bin/python3";

    private const string MeshioScript = """
        import sys, meshio
        with meshio.xdmf.TimeSeriesReader(sys.argv[1]) as reader:
            points, cells = reader.read_points_cells()
            print("points", len(points), "cells", sum(len(c.data) for c in cells))
            for k in range(reader.num_steps):
                t, point_data, cell_data = reader.read_data(k)
                print("time", float(t).hex())
                print("u", " ".join(float(v).hex() for v in point_data["u"]))
        """;

    [SkippableFact]
    public void Meshio_reads_the_mesh_and_every_output_time_of_u_matching_the_hdf5_values()
    {
        NativeTool.Require(File.Exists(Python) && RunPython("-c", "import meshio").Code == 0, "needs /usr/bin/python3 with meshio (python3-meshio)");
        var reference = fixture.Reference("auto", "strang");
        string script = Path.Combine(fixture.Root, "meshio_read.py");
        File.WriteAllText(script, MeshioScript);
        var (code, text, errors) = RunPython(script, Path.Combine(reference.Run, "result.xdmf"));
        Assert.True(code == 0, text + "\nstderr:\n" + errors);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        using var reader = ResultReader.Open(reference.Run);
        Assert.True(reader.IsFinished);
        Assert.Equal($"points {reader.VertexCount} cells {reader.CellCount}", lines[0].Trim());
        Assert.Equal(1 + (2 * reader.Steps.Count), lines.Length);
        for (int k = 0; k < reader.Steps.Count; k++)
        {
            Assert.Equal(reader.Times[k], ParseHex(lines[1 + (2 * k)].Split(' ')[1]));
            double[] u = lines[2 + (2 * k)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(ParseHex).ToArray();
            double[] expected = reader.ReadField(k, "u");
            Assert.Equal(expected.Length, u.Length);
            Assert.True(expected.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(u.Select(BitConverter.DoubleToInt64Bits)), $"u at output {k} differs");
        }
    }

    /// <summary>Parses Python's float.hex() ("0x1.8p+1", "-0x0.0p+0").</summary>
    private static double ParseHex(string text)
    {
        text = text.Trim();
        bool negative = text.StartsWith('-');
        text = text.TrimStart('-', '+');
        if (text is "inf" or "nan")
        {
            return text == "nan" ? double.NaN : negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        int p = text.IndexOf('p');
        string mantissa = text[2..p];
        int exponent = int.Parse(text[(p + 1)..], CultureInfo.InvariantCulture);
        string[] parts = mantissa.Split('.');
        ulong lead = ulong.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        string fraction = parts.Length > 1 ? parts[1] : "";
        ulong bits = fraction.Length == 0 ? 0 : ulong.Parse(fraction, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        double value = lead + (bits * Math.Pow(2, -4 * fraction.Length)); // exact: ≤ 53 significant bits
        value = Math.ScaleB(value, exponent);
        return negative ? -value : value;
    }

    /// <summary>Runs python; stdout (the lines parsed above) and stderr (warnings) come back apart.</summary>
    private static (int Code, string Output, string Errors) RunPython(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "python did not finish within 60 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
