using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PdeFlows.Flows.Cases;

/// <summary>
/// Writes a case back to TOML in a normalized form: every section and every key with its value,
/// defaults included, numbers with round-trip precision. Reading the text back gives the same case
/// (comments and the original layout are not kept).
/// </summary>
public static class CaseFileWriter
{
    /// <summary>The normalized TOML text of <paramref name="definition"/>.</summary>
    /// <param name="definition">The case to write.</param>
    /// <returns>TOML text that <see cref="CaseFileLoader.Parse"/> reads back to the same values.</returns>
    public static string ToToml(CaseDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = new StringBuilder();
        Line(text, "name", Quote(definition.Name));

        DomainSection domain = definition.Domain;
        Header(text, "domain");
        Line(text, "kind", Choice(domain.Kind));
        if (domain.Kind == DomainKind.Gmsh)
        {
            Line(text, "file", Quote(domain.File!));
        }
        else
        {
            Line(text, "lower", Vector(domain.Lower));
            Line(text, "upper", Vector(domain.Upper));
            Line(text, "cells", $"[{string.Join(", ", domain.Cells)}]");
        }

        Line(text, "refine", domain.Refine.ToString(CultureInfo.InvariantCulture));

        Header(text, "target");
        Line(text, definition.Target.Kind == TargetKind.Potential ? "potential" : "density", Quote(definition.Target.Expression.Text));

        Header(text, "initial");
        Line(text, "density", Quote(definition.Initial.Density.Text));
        if (definition.Initial.Mass is double mass)
        {
            Line(text, "mass", Number(mass));
        }

        FlowSection flow = definition.Flow;
        Header(text, "flow");
        Line(text, "kind", Choice(flow.Kind));
        Line(text, "energy", Choice(flow.Energy));
        Line(text, "alpha", Number(flow.Alpha));
        Line(text, "beta", Number(flow.Beta));
        Line(text, "reaction", Choice(flow.Reaction));
        if (flow.Source is not null)
        {
            Line(text, "source", Quote(flow.Source.Text));
        }

        Line(text, "epsilon", Number(flow.Epsilon));

        if (definition.Kernel is KernelSection kernel)
        {
            Header(text, "kernel");
            Line(text, "kind", Choice(kernel.Kind));
            Line(text, "bandwidth", kernel.Bandwidth.Value is double bandwidth ? Number(bandwidth) : Quote("median"));
            Line(text, "lambda", Number(kernel.Lambda));
        }

        Header(text, "time");
        Line(text, "end", Number(definition.Time.End));
        Line(text, "step", Number(definition.Time.Step));
        Line(text, "scheme", Choice(definition.Time.Scheme));

        Header(text, "solver");
        Line(text, "linear", Choice(definition.Solver.Linear));

        OutputSection output = definition.Output;
        Header(text, "output");
        Line(text, "times", Vector(output.Times));
        Line(text, "probes", $"[{string.Join(", ", output.Probes.Select(Vector))}]");
        IEnumerable<string> regions = output.Regions.Select(r => $"{Key(r.Name)} = {{ lower = {Vector(r.Lower)}, upper = {Vector(r.Upper)} }}");
        Line(text, "regions", output.Regions.IsEmpty ? "{}" : $"{{ {string.Join(", ", regions)} }}");
        Line(text, "checkpoint_every", output.CheckpointEvery.ToString(CultureInfo.InvariantCulture));

        if (definition.Particles is ParticlesSection particles)
        {
            Header(text, "particles");
            Line(text, "count", particles.Count.ToString(CultureInfo.InvariantCulture));
            Line(text, "seed", particles.Seed.ToString(CultureInfo.InvariantCulture));
            if (particles.Step is double step)
            {
                Line(text, "step", Number(step));
            }

            Line(text, "method", Choice(particles.Method));
        }

        return text.ToString();
    }

    private static void Header(StringBuilder text, string section) => text.Append('\n').Append('[').Append(section).Append("]\n");

    private static void Line(StringBuilder text, string key, string value) => text.Append(key).Append(" = ").Append(value).Append('\n');

    private static string Choice<TChoice>(TChoice value)
        where TChoice : struct, Enum => Quote(CaseChoiceNames.NameOf(value));

    /// <summary>A TOML float: round-trip digits, always with a '.' or an exponent.</summary>
    private static string Number(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text.Replace("E", "e", StringComparison.Ordinal) : text + ".0";
    }

    private static string Vector(ImmutableArray<double> values) => $"[{string.Join(", ", values.Select(Number))}]";

    private static string Key(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-') && name.Length > 0 ? name : Quote(name);

    /// <summary>A TOML basic string.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
