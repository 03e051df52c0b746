// A type that breaks both rules of RemovedTypesTests, to prove its checker can fail. It lives in
// this test assembly only, which the rule itself does not inspect.
namespace PdeFlows.Flows.Expressions.Probe
{
    /// <summary>A stand-in for a type that must not exist.</summary>
    internal sealed class IFlowComponentProvider
    {
    }
}
