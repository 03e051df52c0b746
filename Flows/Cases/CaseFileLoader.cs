using PdeFlows.Flows.Cases.Toml;

namespace PdeFlows.Flows.Cases;

/// <summary>
/// Reads and validates a case file (interfaces.md). Every error is a
/// <see cref="CaseFileException"/> naming the file, the line (and column) and the key:
/// TOML syntax, unknown sections and keys (with a "did you mean" suggestion), wrong types,
/// missing required sections and keys, expression errors (with the column inside the string)
/// and values out of range. Checks that need the mesh are left to later stages, which locate
/// their errors with <see cref="CaseDefinition.Locations"/>.
/// </summary>
public static class CaseFileLoader
{
    private static readonly string[] RequiredSections = ["domain", "target", "initial", "flow", "time"];

    /// <summary>Reads the case file at <paramref name="path"/>; messages name it as given.</summary>
    /// <param name="path">The case file.</param>
    /// <returns>The validated case.</returns>
    /// <exception cref="CaseFileException">The file cannot be read or is not a valid case.</exception>
    public static CaseDefinition Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CaseFileException(path, 1, null, null, $"cannot read the case file: {exception.Message}", exception);
        }

        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Reads a case from <paramref name="text"/>; messages name it <paramref name="fileName"/>.</summary>
    /// <param name="text">The TOML text.</param>
    /// <param name="fileName">The file name to show in messages, e.g. <c>case.toml</c>.</param>
    /// <param name="directory">The directory relative paths are resolved against, if any.</param>
    /// <returns>The validated case.</returns>
    /// <exception cref="CaseFileException">The text is not a valid case.</exception>
    public static CaseDefinition Parse(string text, string fileName = "case.toml", string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        LocatedTomlTable root = LocatedTomlBuilder.Build(text, fileName);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        RecordLocations(root, "", locations);
        RejectUnknownSections(root);

        var top = new SectionReader(root, "");
        foreach (string required in RequiredSections)
        {
            if (!root.Entries.ContainsKey(required))
            {
                throw new CaseFileException(fileName, 1, null, required, "missing required section");
            }
        }

        string name = top.OptionalString("name") ?? Path.GetFileNameWithoutExtension(fileName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw top.Error("name", "must not be empty");
        }

        SectionReader Section(string section)
        {
            SectionReader reader = top.OptionalTable(section)!;
            reader.RejectUnknownKeys(CaseFileSchema.Sections[section], section);
            return reader;
        }

        SectionReader? OptionalSection(string section) => root.Entries.ContainsKey(section) ? Section(section) : null;

        DomainSection domain = CaseSectionReaders.ReadDomain(Section("domain"));
        TargetSection target = CaseSectionReaders.ReadTarget(Section("target"), domain);
        InitialSection initial = CaseSectionReaders.ReadInitial(Section("initial"), domain);
        SectionReader? kernelReader = OptionalSection("kernel");
        KernelSection? kernel = kernelReader is null ? null : CaseSectionReaders.ReadKernel(kernelReader);
        FlowSection flow = CaseSectionReaders.ReadFlow(Section("flow"), domain, kernel);
        TimeSection time = CaseTimeAndOutputReaders.ReadTime(Section("time"));
        SectionReader? solverReader = OptionalSection("solver");
        SolverSection solver = solverReader is null ? SolverSection.Default : CaseTimeAndOutputReaders.ReadSolver(solverReader);
        SectionReader? outputReader = OptionalSection("output");
        OutputSection output = outputReader is null
            ? CaseTimeAndOutputReaders.DefaultOutput(time)
            : CaseTimeAndOutputReaders.ReadOutput(outputReader, time, domain);
        SectionReader? particlesReader = OptionalSection("particles");
        ParticlesSection? particles = particlesReader is null ? null : CaseTimeAndOutputReaders.ReadParticles(particlesReader);

        return new CaseDefinition(
            name, domain, target, initial, flow, kernel, time, solver, output, particles,
            new CaseSourceMap(fileName, locations), directory);
    }

    /// <summary>Top level: only <c>name</c> and the known sections, each a table.</summary>
    private static void RejectUnknownSections(LocatedTomlTable root)
    {
        foreach (LocatedTomlEntry entry in root.Entries.Values)
        {
            bool isSection = CaseFileSchema.IsSection(entry.Key);
            if (isSection && entry.Value is not LocatedTomlTable)
            {
                throw new CaseFileException(entry.KeyLocation, entry.Key, $"must be a section, written [{entry.Key}], got {SectionReader.Describe(entry.Value)}");
            }

            if (isSection || CaseFileSchema.TopLevelKeys.Contains(entry.Key))
            {
                continue;
            }

            if (entry.Value is LocatedTomlTable)
            {
                throw new CaseFileException(entry.KeyLocation, entry.Key, $"unknown section [{entry.Key}]{CaseFileSchema.SuggestSection(entry.Key)}");
            }

            string hint = CaseFileSchema.SuggestKey(entry.Key, CaseFileSchema.TopLevelKeys, null);
            throw new CaseFileException(entry.KeyLocation, entry.Key, $"unknown key{hint}");
        }
    }

    /// <summary>Records the value location of every key, and the header location of every table.</summary>
    private static void RecordLocations(LocatedTomlTable table, string prefix, Dictionary<string, SourceLocation> locations)
    {
        foreach (LocatedTomlEntry entry in table.Entries.Values)
        {
            string path = prefix.Length == 0 ? entry.Key : $"{prefix}.{entry.Key}";
            locations[path] = entry.Value.Location;
            if (entry.Value is LocatedTomlTable child)
            {
                RecordLocations(child, path, locations);
            }
        }
    }
}
