using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Cases;

/// <summary>
/// Reads and validates a case file (interfaces.md) through its key table <see cref="CaseKeys"/>.
/// Every error is a <see cref="CaseFileException"/> naming the file, the line (and column) and the
/// key: TOML syntax, unknown sections and keys (with a "did you mean" or "belongs in" hint), wrong
/// types, missing required sections and keys, expression errors (with the column inside the string)
/// and values out of range. Checks that need the mesh are left to later stages, which locate their
/// errors with <see cref="CaseDefinition.Locations"/>.
/// </summary>
public static class CaseFileLoader
{
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
        RejectUnknownSections(root);
        return Read(root, fileName, directory);
    }

    /// <summary>
    /// Reads the case sections of an already parsed file: a case file, or the case part of a study
    /// file (whose own tables the study loader has taken out). Unknown top-level entries must have
    /// been rejected by the caller, against the tables its file allows.
    /// </summary>
    /// <param name="root">The located tree (line numbers are those of the file it came from).</param>
    /// <param name="fileName">The file name shown in messages.</param>
    /// <param name="directory">The directory relative paths are resolved against, if any.</param>
    /// <returns>The validated case.</returns>
    internal static CaseDefinition Read(LocatedTomlTable root, string fileName, string? directory)
    {
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        RecordLocations(root, "", locations);
        foreach (TomlSection required in CaseKeys.Table.TopSections.Where(s => s.Required))
        {
            if (!root.Entries.ContainsKey(required.Name))
            {
                throw new CaseFileException(fileName, 1, null, required.Name, "missing required section");
            }
        }

        var top = new SectionReader(root, "", CaseKeys.Table);
        string name = top.Read(CaseKeys.Top.Name) ?? Path.GetFileNameWithoutExtension(fileName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw top.Error(CaseKeys.Top.Name, "must not be empty");
        }

        SectionReader? Section(string section)
        {
            SectionReader? reader = top.SubTable(section);
            reader?.RejectUnknownKeys(CaseKeys.Table.Section(section));
            return reader;
        }

        DomainSection domain = CaseSectionReaders.ReadDomain(Section("domain")!);
        TargetSection target = CaseSectionReaders.ReadTarget(Section("target")!, domain);
        InitialSection initial = CaseSectionReaders.ReadInitial(Section("initial")!, domain);
        KernelSection? kernel = Section("kernel") is { } kernelReader ? CaseSectionReaders.ReadKernel(kernelReader) : null;
        FlowSection flow = CaseSectionReaders.ReadFlow(Section("flow")!, domain, kernel);
        TimeSection time = CaseTimeAndOutputReaders.ReadTime(Section("time")!);
        SolverSection solver = Section("solver") is { } solverReader ? CaseTimeAndOutputReaders.ReadSolver(solverReader) : SolverSection.Default;
        OutputSection output = Section("output") is { } outputReader
            ? CaseTimeAndOutputReaders.ReadOutput(outputReader, time, domain)
            : CaseTimeAndOutputReaders.DefaultOutput(time);
        ParticlesSection? particles = null;
        if (Section("particles") is { } particlesReader)
        {
            particles = CaseTimeAndOutputReaders.ReadParticles(particlesReader);
            // Every particle method keeps the total weight (docs/kernel-reactions.md): beside an
            // unbalanced flow it would be compared with a mesh solution that changes mass.
            if (flow.HasReaction && !flow.IsSpherical)
            {
                throw particlesReader.Error(CaseKeys.Particles.Method, $"method = \"{CaseChoiceNames.NameOf(particles.Method)}\" keeps the total weight (a mass-preserving flow), but [flow] kind = \"{CaseChoiceNames.NameOf(flow.Kind)}\" changes mass; use [flow] kind = \"sfr\", \"swfr\" or \"w\"");
            }
        }

        return new CaseDefinition(
            name, domain, target, initial, flow, kernel, time, solver, output, particles,
            new CaseSourceMap(fileName, locations), directory);
    }

    /// <summary>Rejects top-level entries of a case file other than the case's top-level keys and sections (each a table).</summary>
    /// <param name="root">The located tree.</param>
    internal static void RejectUnknownSections(LocatedTomlTable root) => RejectUnknownSections(root, CaseKeys.Table);

    /// <summary>Rejects top-level entries that are neither a top-level key nor a section of <paramref name="keys"/>, with a hint.</summary>
    /// <param name="root">The located tree.</param>
    /// <param name="keys">The key table of the file.</param>
    internal static void RejectUnknownSections(LocatedTomlTable root, TomlKeyTable keys)
    {
        foreach (LocatedTomlEntry entry in root.Entries.Values)
        {
            bool isSection = keys.IsSection(entry.Key);
            if (isSection && entry.Value is not LocatedTomlTable)
            {
                throw new CaseFileException(entry.KeyLocation, entry.Key, $"must be a section, written [{entry.Key}], got {SectionReader.Describe(entry.Value)}");
            }

            if (isSection || keys.TopLevelKeys.Contains(entry.Key))
            {
                continue;
            }

            if (entry.Value is LocatedTomlTable)
            {
                throw new CaseFileException(entry.KeyLocation, entry.Key, $"unknown section [{entry.Key}]{keys.SuggestSection(entry.Key)}");
            }

            throw new CaseFileException(entry.KeyLocation, entry.Key, $"unknown key{keys.SuggestKey(entry.Key, keys.TopLevelKeys, null)}");
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
