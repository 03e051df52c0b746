using System.Reflection;

namespace PdeFlows.Architecture.Tests;

/// <summary>
/// Issue 11 by reflection over the built assemblies: Flows holds no case-file or expression code
/// (no namespace PdeFlows.Flows.Cases or PdeFlows.Flows.Expressions), the provider indirection and
/// the second TOML reader are gone, and the command line does not reach into Verification.
/// </summary>
public class RemovedTypesTests
{
    private static readonly string[] ForbiddenNamespaces = ["PdeFlows.Flows.Cases", "PdeFlows.Flows.Expressions", "PdeFlows.Flows.Problems"];

    private static readonly string[] ForbiddenTypeNames = ["IFlowComponentProvider", "StudyTomlTable", "KernelComponentProvider", "DemoComponentProvider", "KernelSectionResolver", "CaseFileSchema", "TimeScheme"];

    private static readonly string[] Libraries = ["PdeFlows.Mesh", "PdeFlows.Discretization", "PdeFlows.Flows", "PdeFlows.KernelApprox", "PdeFlows.Verification", "PdeFlows.IO", "PdeFlows.Runs", "pdeflows"];

    /// <summary>Every violation among <paramref name="types"/>: a type in a forbidden namespace (or below it), or with a forbidden name.</summary>
    internal static List<string> Violations(IEnumerable<Type> types)
    {
        var violations = new List<string>();
        foreach (Type type in types)
        {
            string ns = type.Namespace ?? "";
            if (ForbiddenNamespaces.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)))
            {
                violations.Add($"{type.FullName} is in a namespace that must not exist");
            }

            if (ForbiddenTypeNames.Contains(type.Name))
            {
                violations.Add($"{type.FullName} must not exist");
            }
        }

        return violations;
    }

    private static IEnumerable<Assembly> BuiltAssemblies() => Libraries.Select(name => Assembly.Load(new AssemblyName(name)));

    [Fact]
    public void No_case_files_in_Flows_no_provider_and_no_second_toml_reader()
    {
        var assemblies = BuiltAssemblies().ToList();
        Assert.Equal(Libraries.Length, assemblies.Count);
        var violations = Violations(assemblies.SelectMany(a => a.GetTypes()));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_checker_reports_a_forbidden_namespace_and_a_forbidden_name()
    {
        Type probe = typeof(global::PdeFlows.Flows.Expressions.Probe.IFlowComponentProvider);
        var violations = Violations([probe, typeof(RemovedTypesTests)]);
        Assert.Equal([$"{probe.FullName} is in a namespace that must not exist", $"{probe.FullName} must not exist"], violations);
    }

    [Fact]
    public void The_command_line_does_not_use_Verification_directly()
    {
        Assembly cli = Assembly.Load(new AssemblyName("pdeflows"));
        var referenced = cli.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.Contains("PdeFlows.Runs", referenced);
        Assert.DoesNotContain("PdeFlows.Verification", referenced);
    }
}
