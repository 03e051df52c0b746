namespace PdeFlows.Tests.Shared;

/// <summary>
/// Skips a test whose native tool (CHOLMOD, gmsh, h5dump, h5py, meshio) is absent — unless the
/// environment says the tool must be there: <c>PDEFLOWS_REQUIRE_NATIVE=1</c>, which <c>.ci/run</c>
/// exports after it has installed and found every tool. Then an absent tool fails the test instead
/// of skipping it silently (issue 13). Linked into each test project that needs a native tool.
/// </summary>
internal static class NativeTool
{
    /// <summary>Whether absent native tools are failures (CI after a successful install).</summary>
    public static bool Required => Environment.GetEnvironmentVariable("PDEFLOWS_REQUIRE_NATIVE") == "1";

    /// <summary>Skips the test when <paramref name="available"/> is false, or fails it under <see cref="Required"/>.</summary>
    /// <param name="available">Whether the tool is there.</param>
    /// <param name="reason">What is missing and which package brings it.</param>
    public static void Require(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (Required)
        {
            Assert.Fail($"{reason}; PDEFLOWS_REQUIRE_NATIVE=1 says it was installed, so its absence is a failure, not a skip");
        }

        Skip.If(true, reason);
    }
}
