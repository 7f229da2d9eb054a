namespace SynthCore.Evaluation.Embeddings;

/// <summary>
/// A point-region quadtree over 2-D points with each cell's point count and centre of mass: the Barnes-Hut
/// approximation of t-SNE's repulsive forces. Rebuilt every iteration into reused arrays. Points at the same
/// position (or below <see cref="MaxDepth"/>) share a leaf.
/// </summary>
internal sealed class QuadTree
{
    private const int MaxDepth = 40;

    private int nodes;
    private double[] centreX = [], centreY = [], halfWidth = [], sumX = [], sumY = [];
    private int[] count = [], firstChild = [], point = [];
    private int[] leafOf = [], next = [];   // each leaf's points form a chain: point[leaf], next[point], … , -1

    public void Build(double[] y, int n)
    {
        if (leafOf.Length < n) { leafOf = new int[n]; next = new int[n]; }
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            minX = Math.Min(minX, y[2 * i]); maxX = Math.Max(maxX, y[2 * i]);
            minY = Math.Min(minY, y[2 * i + 1]); maxY = Math.Max(maxY, y[2 * i + 1]);
        }
        nodes = 0;
        double half = Math.Max(maxX - minX, maxY - minY) / 2 * (1 + 1e-5) + 1e-5;
        NewNode((minX + maxX) / 2, (minY + maxY) / 2, half);
        for (int i = 0; i < n; i++) Insert(y, i);
    }

    /// <summary>
    /// Σ over the other points of w² (y_i − y_j) into (forceX, forceY), and returns Σ w, where w = 1 / (1 + |y_i − y_j|²),
    /// summarising a cell by its centre of mass when its width / distance is below <paramref name="theta"/>.
    /// </summary>
    public double Repulsion(double[] y, int i, double theta, int[] stack, out double forceX, out double forceY)
    {
        double xi = y[2 * i], yi = y[2 * i + 1];
        double sumW = 0, fx = 0, fy = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            int node = stack[--top];
            int c = count[node];
            if (c == 0) continue;
            double comX = sumX[node], comY = sumY[node];
            bool containsSelf = leafOf[i] == node;
            if (firstChild[node] < 0)
            {
                if (containsSelf)
                {
                    // The other points sharing i's leaf.
                    c--;
                    if (c == 0) continue;
                    comX -= xi; comY -= yi;
                }
            }
            else
            {
                double dxc = xi - comX / c, dyc = yi - comY / c;
                double dist2 = dxc * dxc + dyc * dyc;
                double width = 2 * halfWidth[node];
                bool inside = Math.Abs(xi - centreX[node]) <= halfWidth[node] && Math.Abs(yi - centreY[node]) <= halfWidth[node];
                if (inside || width * width >= theta * theta * dist2)
                {
                    int child = firstChild[node];
                    for (int k = 0; k < 4; k++) stack[top++] = child + k;
                    continue;
                }
            }
            double dx = xi - comX / c, dy = yi - comY / c;
            double w = 1 / (1 + dx * dx + dy * dy);
            sumW += c * w;
            double w2 = c * w * w;
            fx += w2 * dx;
            fy += w2 * dy;
        }
        forceX = fx;
        forceY = fy;
        return sumW;
    }

    /// <summary>Deep enough for any tree this class builds.</summary>
    public static int StackSize => 3 * MaxDepth + 8;

    private void Insert(double[] y, int i)
    {
        double px = y[2 * i], py = y[2 * i + 1];
        int node = 0;
        for (int depth = 0; ; depth++)
        {
            count[node]++;
            sumX[node] += px;
            sumY[node] += py;
            if (firstChild[node] >= 0)
            {
                node = firstChild[node] + Quadrant(node, px, py);
                continue;
            }
            int old = point[node];
            if (old < 0 || (y[2 * old] == px && y[2 * old + 1] == py) || depth >= MaxDepth)
            {
                next[i] = old;
                point[node] = i;
                leafOf[i] = node;
                return;
            }
            // Split: move the leaf's earlier points (all at old's position) into a child, then go on down.
            int first = nodes;
            double h = halfWidth[node] / 2;
            NewNode(centreX[node] - h, centreY[node] - h, h);
            NewNode(centreX[node] + h, centreY[node] - h, h);
            NewNode(centreX[node] - h, centreY[node] + h, h);
            NewNode(centreX[node] + h, centreY[node] + h, h);
            firstChild[node] = first;
            int moved = count[node] - 1;
            int target = first + Quadrant(node, y[2 * old], y[2 * old + 1]);
            count[target] = moved;
            sumX[target] = moved * y[2 * old];
            sumY[target] = moved * y[2 * old + 1];
            point[target] = old;
            point[node] = -1;
            for (int j = old; j >= 0; j = next[j]) leafOf[j] = target;
            node = first + Quadrant(node, px, py);
        }
    }

    private int Quadrant(int node, double px, double py) =>
        (px > centreX[node] ? 1 : 0) + (py > centreY[node] ? 2 : 0);

    private void NewNode(double cx, double cy, double half)
    {
        if (nodes == count.Length)
        {
            int size = Math.Max(1024, 2 * nodes);
            Array.Resize(ref centreX, size); Array.Resize(ref centreY, size); Array.Resize(ref halfWidth, size);
            Array.Resize(ref sumX, size); Array.Resize(ref sumY, size);
            Array.Resize(ref count, size); Array.Resize(ref firstChild, size); Array.Resize(ref point, size);
        }
        centreX[nodes] = cx; centreY[nodes] = cy; halfWidth[nodes] = half;
        sumX[nodes] = sumY[nodes] = 0;
        count[nodes] = 0; firstChild[nodes] = -1; point[nodes] = -1;
        nodes++;
    }
}
