namespace PdeFlows.Mesh;

/// <summary>The .msh sections shared by versions 2.2 and 4.1 ($MeshFormat, $PhysicalNames), $Entities (4.1) and skipping of others.</summary>
internal static class GmshSections
{
    /// <summary>The advice given for binary files.</summary>
    public const string BinaryAdvice = "binary .msh not supported yet, re-save as ASCII (gmsh -format msh41 -ascii ... or Mesh.Binary=0)";

    /// <summary>Reads $MeshFormat (the first line must be its marker) and returns the version, "4.1" or "2.2".</summary>
    public static string ReadMeshFormat(GmshLineReader reader)
    {
        var first = reader.TryNext() ?? throw new MeshFormatException(reader.File, 1, "empty file: expected $MeshFormat");
        if (first.Text != "$MeshFormat")
        {
            throw first.Error($"expected $MeshFormat as the first line of a Gmsh .msh file, found '{first.Fields[0]}'");
        }

        var line = reader.Next("the version line 'version file-type data-size'");
        line.ExpectAtLeast(3, "the version line 'version file-type data-size'");
        string version = line.Fields[0];
        if (version is not ("4.1" or "2.2"))
        {
            throw line.Error($"unsupported .msh version {version}: expected 4.1 or 2.2 (re-save with gmsh -format msh41 or -format msh22)");
        }

        int fileType = line.Int(1, "the file type (0 ASCII, 1 binary)");
        if (fileType == 1)
        {
            throw line.Error(BinaryAdvice);
        }

        if (fileType != 0)
        {
            throw line.Error($"expected file type 0 (ASCII) or 1 (binary), found {fileType}");
        }

        line.Int(2, "the data size");
        reader.Expect("$EndMeshFormat", "after the version line");
        return version;
    }

    /// <summary>Reads the body of $PhysicalNames: a count, then lines 'dimension tag "name"'.</summary>
    public static void ReadPhysicalNames(GmshLineReader reader, GmshFileContent content)
    {
        var header = reader.Next("the number of physical names");
        header.ExpectFieldCount(1, "the number of physical names");
        int count = header.Count(0, "the number of physical names");
        for (int i = 0; i < count; i++)
        {
            var line = reader.Next($"physical name {i + 1} of {count}");
            line.ExpectAtLeast(3, "'dimension tag \"name\"'");
            int dimension = line.Int(0, "the dimension of a physical name");
            int tag = line.Int(1, "the tag of a physical name");
            int open = line.Text.IndexOf('"'), close = line.Text.LastIndexOf('"');
            if (open < 0 || close <= open)
            {
                throw line.Error($"expected a quoted name in 'dimension tag \"name\"', found '{line.Text}'");
            }

            content.PhysicalNames[(dimension, tag)] = line.Text[(open + 1)..close];
        }

        reader.Expect("$EndPhysicalNames", $"after {count} physical names");
    }

    /// <summary>Reads the body of $Entities (4.1): the physical tags of every point, curve, surface and volume.</summary>
    public static void ReadEntities(GmshLineReader reader, GmshFileContent content)
    {
        var header = reader.Next("'numPoints numCurves numSurfaces numVolumes'");
        header.ExpectFieldCount(4, "'numPoints numCurves numSurfaces numVolumes'");
        for (int dimension = 0; dimension <= 3; dimension++)
        {
            int count = header.Count(dimension, "an entity count");
            for (int i = 0; i < count; i++)
            {
                var line = reader.Next($"entity {i + 1} of {count} of dimension {dimension}");
                // Points: tag x y z; others: tag minX minY minZ maxX maxY maxZ; then numPhysicalTags tags...
                int physicalCountField = dimension == 0 ? 4 : 7;
                line.ExpectAtLeast(physicalCountField + 1, $"an entity of dimension {dimension}");
                int tag = line.Int(0, "the entity tag");
                int physicalCount = line.Count(physicalCountField, "the number of physical tags");
                // Compared by subtraction: a count near int.MaxValue must not overflow the sum (found by fuzzing).
                if (physicalCount > line.Fields.Length - physicalCountField - 1)
                {
                    throw line.Error($"entity ({dimension}, {tag}) announces {physicalCount} physical tags but the line holds fewer");
                }

                var tags = new int[physicalCount];
                for (int p = 0; p < physicalCount; p++)
                {
                    tags[p] = Math.Abs(line.Int(physicalCountField + 1 + p, "a physical tag"));
                }

                content.EntityPhysicalTags[(dimension, tag)] = tags;
            }
        }

        reader.Expect("$EndEntities", "after the entities announced in the header");
    }

    /// <summary>Skips an unknown section such as $Comments or $NodeData up to its end marker.</summary>
    public static void Skip(GmshLineReader reader, GmshLine start)
    {
        string end = "$End" + start.Text[1..];
        while (true)
        {
            var line = reader.TryNext() ?? throw new MeshFormatException(reader.File, start.Number, $"section {start.Text} has no {end}: expected {end} before the end of the file");
            if (line.Text == end)
            {
                return;
            }
        }
    }
}
