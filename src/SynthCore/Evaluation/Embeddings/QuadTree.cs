namespace SynthCore.Evaluation.Embeddings;

/// <summary>
/// A point-region quadtree over 2-D points with each cell's point count and centre of mass: the Barnes-Hut
/// approximation of t-SNE's repulsive forces. Rebuilt every iteration into a reused array of nodes (one
/// struct each, so a visit touches one cache line). Points at the same position (or below
/// <see cref="MaxDepth"/>) share a leaf.
/// </summary>
internal sealed class QuadTree
{
    private const int MaxDepth = 40;

    private struct Node
    {
        public double CentreX, CentreY, HalfWidth;
        public double MassX, MassY; // sums of the coordinates while building, then the centre of mass
        public int Count, FirstChild, Point;
    }

    private Node[] nodes = new Node[1024];
    private int used;
    private int[] leafOf = [], next = [];   // each leaf's points form a chain: Point, next[Point], … , -1

    public void Build(double[] y, int n)
    {
        if (leafOf.Length < n) { leafOf = new int[n]; next = new int[n]; }
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            minX = Math.Min(minX, y[2 * i]); maxX = Math.Max(maxX, y[2 * i]);
            minY = Math.Min(minY, y[2 * i + 1]); maxY = Math.Max(maxY, y[2 * i + 1]);
        }
        used = 0;
        double half = Math.Max(maxX - minX, maxY - minY) / 2 * (1 + 1e-5) + 1e-5;
        NewNode((minX + maxX) / 2, (minY + maxY) / 2, half);
        for (int i = 0; i < n; i++) Insert(y, i);
        for (int k = 0; k < used; k++)
        {
            ref var node = ref nodes[k];
            if (node.Count > 0) { node.MassX /= node.Count; node.MassY /= node.Count; }
        }
    }

    /// <summary>
    /// Σ over the other points of w² (y_i − y_j) into (forceX, forceY), and returns Σ w, where w = 1 / (1 + |y_i − y_j|²),
    /// summarising a cell by its centre of mass when its width / distance is below <paramref name="theta"/>.
    /// </summary>
    public double Repulsion(double[] y, int i, double theta, int[] stack, out double forceX, out double forceY)
    {
        double xi = y[2 * i], yi = y[2 * i + 1];
        double theta2 = theta * theta;
        int ownLeaf = leafOf[i];
        double sumW = 0, fx = 0, fy = 0;
        int top = 0;
        stack[top++] = 0;
        var all = nodes;
        while (top > 0)
        {
            int index = stack[--top];
            ref var node = ref all[index];
            int c = node.Count;
            if (c == 0) continue;
            double dx = xi - node.MassX, dy = yi - node.MassY;
            if (node.FirstChild >= 0)
            {
                double dist2 = dx * dx + dy * dy;
                double width = 2 * node.HalfWidth;
                bool inside = Math.Abs(xi - node.CentreX) <= node.HalfWidth && Math.Abs(yi - node.CentreY) <= node.HalfWidth;
                if (inside || width * width >= theta2 * dist2)
                {
                    int child = node.FirstChild;
                    stack[top++] = child; stack[top++] = child + 1; stack[top++] = child + 2; stack[top++] = child + 3;
                    continue;
                }
            }
            else if (index == ownLeaf)
            {
                // The other points sharing i's leaf: their centre of mass without i.
                if (--c == 0) continue;
                double ox = (node.MassX * (c + 1) - xi) / c, oy = (node.MassY * (c + 1) - yi) / c;
                dx = xi - ox; dy = yi - oy;
            }
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

    /// <summary>
    /// The points in depth-first leaf order, so that points handled one after another are near each other in
    /// the map and walk mostly the same cells (fewer cache misses than index order).
    /// </summary>
    public void SpatialOrder(int[] order)
    {
        int filled = 0;
        var stack = new Stack<int>();
        stack.Push(0);
        while (stack.Count > 0)
        {
            int index = stack.Pop();
            ref var node = ref nodes[index];
            if (node.FirstChild >= 0)
                for (int k = 3; k >= 0; k--) stack.Push(node.FirstChild + k);
            else
                for (int j = node.Point; j >= 0; j = next[j]) order[filled++] = j;
        }
    }

    /// <summary>Deep enough for any tree this class builds.</summary>
    public static int StackSize => 3 * MaxDepth + 8;

    private void Insert(double[] y, int i)
    {
        double px = y[2 * i], py = y[2 * i + 1];
        int index = 0;
        for (int depth = 0; ; depth++)
        {
            ref var node = ref nodes[index];
            node.Count++;
            node.MassX += px;
            node.MassY += py;
            if (node.FirstChild >= 0)
            {
                index = node.FirstChild + Quadrant(in node, px, py);
                continue;
            }
            int old = node.Point;
            if (old < 0 || (y[2 * old] == px && y[2 * old + 1] == py) || depth >= MaxDepth)
            {
                next[i] = old;
                node.Point = i;
                leafOf[i] = index;
                return;
            }
            // Split: move the leaf's earlier points (all at old's position) into a child, then go on down.
            double cx = node.CentreX, cy = node.CentreY, h = node.HalfWidth / 2;
            int moved = node.Count - 1;
            int first = used;
            NewNode(cx - h, cy - h, h);
            NewNode(cx + h, cy - h, h);
            NewNode(cx - h, cy + h, h);
            NewNode(cx + h, cy + h, h);
            ref var parent = ref nodes[index]; // NewNode may have resized the array
            parent.FirstChild = first;
            parent.Point = -1;
            ref var target = ref nodes[first + Quadrant(in parent, y[2 * old], y[2 * old + 1])];
            target.Count = moved;
            target.MassX = moved * y[2 * old];
            target.MassY = moved * y[2 * old + 1];
            target.Point = old;
            int targetIndex = first + Quadrant(in parent, y[2 * old], y[2 * old + 1]);
            for (int j = old; j >= 0; j = next[j]) leafOf[j] = targetIndex;
            index = first + Quadrant(in parent, px, py);
        }
    }

    private static int Quadrant(in Node node, double px, double py) =>
        (px > node.CentreX ? 1 : 0) + (py > node.CentreY ? 2 : 0);

    private void NewNode(double cx, double cy, double half)
    {
        if (used == nodes.Length) Array.Resize(ref nodes, 2 * used);
        nodes[used++] = new Node { CentreX = cx, CentreY = cy, HalfWidth = half, FirstChild = -1, Point = -1 };
    }
}
