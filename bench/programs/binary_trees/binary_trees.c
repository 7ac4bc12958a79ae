/* binary_trees: hand-written C version of binary_trees.py, one malloc per node and a free of
   every tree once it has been checked. */
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
    struct Node *left, *right;
} Node;

static Node *make_node(Node *left, Node *right)
{
    Node *n = malloc(sizeof *n);
    if (!n) {
        perror("malloc");
        exit(1);
    }
    n->left = left;
    n->right = right;
    return n;
}

static Node *make_tree(int depth)
{
    if (depth == 0)
        return make_node(NULL, NULL);
    return make_node(make_tree(depth - 1), make_tree(depth - 1));
}

static long check_tree(const Node *node)
{
    if (!node->left || !node->right)
        return 1;
    return 1 + check_tree(node->left) + check_tree(node->right);
}

static void free_tree(Node *node)
{
    if (node->left)
        free_tree(node->left);
    if (node->right)
        free_tree(node->right);
    free(node);
}

int main(void)
{
    int n = 15, min_depth = 4;
    int max_depth = n;
    if (max_depth < min_depth + 2)
        max_depth = min_depth + 2;
    int stretch_depth = max_depth + 1;
    Node *stretch = make_tree(stretch_depth);
    printf("stretch tree of depth %d\t check: %ld\n", stretch_depth, check_tree(stretch));
    free_tree(stretch);
    Node *long_lived = make_tree(max_depth);
    for (int depth = min_depth; depth < stretch_depth; depth += 2) {
        long iterations = 1L << (max_depth - depth + min_depth);
        long check = 0;
        for (long i = 0; i < iterations; i++) {
            Node *t = make_tree(depth);
            check += check_tree(t);
            free_tree(t);
        }
        printf("%ld\t trees of depth %d\t check: %ld\n", iterations, depth, check);
    }
    printf("long lived tree of depth %d\t check: %ld\n", max_depth, check_tree(long_lived));
    free_tree(long_lived);
    return 0;
}
