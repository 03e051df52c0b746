using System.Text;
using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Cases;

/// <summary>
/// Writes a case back to TOML in a normalized form: every section and every key of
/// <see cref="CaseKeys"/> in the table's order, defaults included, numbers with round-trip precision.
/// Reading the text back gives the same case (comments and the original layout are not kept). The
/// order and the names come from the key table; this class only says how each key's value is read
/// off a <see cref="CaseDefinition"/> (null: the key is not written, e.g. <c>file</c> for a box).
/// </summary>
public static class CaseFileWriter
{
    private static readonly Dictionary<TomlKey, Func<CaseDefinition, string?>> Values = new()
    {
        [CaseKeys.Top.Name] = c => TomlText.Quote(c.Name),
        [CaseKeys.Domain.Kind] = c => Choice(CaseKeys.Domain.Kind, c.Domain.Kind),
        [CaseKeys.Domain.Lower] = c => c.Domain.Kind == DomainKind.Gmsh ? null : TomlText.Numbers(c.Domain.Lower),
        [CaseKeys.Domain.Upper] = c => c.Domain.Kind == DomainKind.Gmsh ? null : TomlText.Numbers(c.Domain.Upper),
        [CaseKeys.Domain.Cells] = c => c.Domain.Kind == DomainKind.Gmsh ? null : TomlText.Integers(c.Domain.Cells),
        [CaseKeys.Domain.File] = c => c.Domain.File is string file ? TomlText.Quote(file) : null,
        [CaseKeys.Domain.Refine] = c => TomlText.Integer(c.Domain.Refine),
        [CaseKeys.Target.Potential] = c => c.Target.Kind == TargetKind.Potential ? TomlText.Quote(c.Target.Expression.Text) : null,
        [CaseKeys.Target.Density] = c => c.Target.Kind == TargetKind.Density ? TomlText.Quote(c.Target.Expression.Text) : null,
        [CaseKeys.Initial.Density] = c => TomlText.Quote(c.Initial.Density.Text),
        [CaseKeys.Initial.Mass] = c => c.Initial.Mass is double mass ? TomlText.Number(mass) : null,
        [CaseKeys.Flow.Kind] = c => Choice(CaseKeys.Flow.Kind, c.Flow.Kind),
        [CaseKeys.Flow.Energy] = c => Choice(CaseKeys.Flow.Energy, c.Flow.Energy),
        [CaseKeys.Flow.Alpha] = c => TomlText.Number(c.Flow.Alpha),
        [CaseKeys.Flow.Beta] = c => TomlText.Number(c.Flow.Beta),
        [CaseKeys.Flow.Reaction] = c => Choice(CaseKeys.Flow.Reaction, c.Flow.Reaction),
        [CaseKeys.Flow.Source] = c => c.Flow.Source is { } source ? TomlText.Quote(source.Text) : null,
        [CaseKeys.Flow.Epsilon] = c => TomlText.Number(c.Flow.Epsilon),
        [CaseKeys.Kernel.Kind] = c => Choice(CaseKeys.Kernel.Kind, c.Kernel!.Kind),
        [CaseKeys.Kernel.Bandwidth] = c => c.Kernel!.Bandwidth.Value is double bandwidth ? TomlText.Number(bandwidth) : TomlText.Quote(CaseKeys.Kernel.Bandwidth.Word),
        [CaseKeys.Kernel.Lambda] = c => TomlText.Number(c.Kernel!.Lambda),
        [CaseKeys.Time.End] = c => TomlText.Number(c.Time.End),
        [CaseKeys.Time.Step] = c => TomlText.Number(c.Time.Step),
        [CaseKeys.Time.Scheme] = c => Choice(CaseKeys.Time.Scheme, c.Time.Scheme),
        [CaseKeys.Solver.Linear] = c => Choice(CaseKeys.Solver.Linear, c.Solver.Linear),
        [CaseKeys.Solver.ReactionTolerance] = c => TomlText.Number(c.Solver.ReactionTolerance),
        [CaseKeys.Output.Times] = c => TomlText.Numbers(c.Output.Times),
        [CaseKeys.Output.Probes] = c => $"[{string.Join(", ", c.Output.Probes.Select(p => TomlText.Numbers(p)))}]",
        [CaseKeys.Output.Regions] = c => Regions(c.Output),
        [CaseKeys.Output.CheckpointEvery] = c => TomlText.Integer(c.Output.CheckpointEvery),
        [CaseKeys.Particles.Count] = c => TomlText.Integer(c.Particles!.Count),
        [CaseKeys.Particles.Seed] = c => TomlText.Integer(c.Particles!.Seed),
        [CaseKeys.Particles.Step] = c => c.Particles!.Step is double step ? TomlText.Number(step) : null,
        [CaseKeys.Particles.Method] = c => Choice(CaseKeys.Particles.Method, c.Particles!.Method),
        [CaseKeys.Particles.DensityBandwidth] = c => c.Particles!.DensityBandwidth is double h ? TomlText.Number(h) : TomlText.Quote(CaseKeys.Particles.DensityBandwidth.Word),
    };

    /// <summary>The normalized TOML text of <paramref name="definition"/>.</summary>
    /// <param name="definition">The case to write.</param>
    /// <returns>TOML text that <see cref="CaseFileLoader.Parse"/> reads back to the same values.</returns>
    public static string ToToml(CaseDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = new StringBuilder();
        foreach (TomlSection section in CaseKeys.Table.Sections.Where(s => !s.IsNested && IsWritten(definition, s.Name)))
        {
            if (!section.IsTopLevel)
            {
                text.Append('\n').Append('[').Append(section.Name).Append("]\n");
            }

            foreach (TomlKey key in section.Keys)
            {
                Func<CaseDefinition, string?> value = Values.TryGetValue(key, out var read) ? read
                    : throw new InvalidOperationException($"the case writer does not know how to write {key.Path}");
                if (value(definition) is string written)
                {
                    text.Append(key.Name).Append(" = ").Append(written).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Optional sections are written when present; <c>[solver]</c> and <c>[output]</c> always (with their defaults).</summary>
    private static bool IsWritten(CaseDefinition definition, string section) => section switch
    {
        "kernel" => definition.Kernel is not null,
        "particles" => definition.Particles is not null,
        _ => true,
    };

    private static string Choice<TChoice>(ChoiceKey<TChoice> key, TChoice value)
        where TChoice : struct, Enum => TomlText.Quote(key.Spellings.NameOf(value));

    private static string Regions(OutputSection output)
    {
        IEnumerable<string> regions = output.Regions.Select(r =>
            $"{TomlText.Key(r.Name)} = {{ {CaseKeys.Region.Lower.Name} = {TomlText.Numbers(r.Lower)}, {CaseKeys.Region.Upper.Name} = {TomlText.Numbers(r.Upper)} }}");
        return output.Regions.IsEmpty ? "{}" : $"{{ {string.Join(", ", regions)} }}";
    }
}
