using System.Runtime.ExceptionServices;

namespace SynthCore.Resources;

/// <summary>
/// Runs a long computation that cannot check a token itself (a large eigen-decomposition, ML.NET's training,
/// whose own cancellation is not public) on a worker, so that Ctrl+C is answered at once: the caller gets an
/// <see cref="OperationCanceledException"/> and the worker's result, when it comes, is dropped. A command-line
/// process then exits; in a notebook the worker finishes in the background.
/// </summary>
public static class CancellableWork
{
    public static T Run<T>(Func<T> work, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (!cancellation.CanBeCanceled) return work();
        var task = Task.Run(work);
        try { task.Wait(cancellation); }
        catch (AggregateException e) { ExceptionDispatchInfo.Throw(e.InnerException!); }
        return task.Result;
    }
}
