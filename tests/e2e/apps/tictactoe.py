# Tic-tac-toe with minimax and alpha-beta pruning: perfect play against itself (always a draw),
# counts of reachable positions and of game outcomes, and a scripted game against a weak player.

LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def winner(b: str) -> str | None:
    for i, j, k in LINES:
        if b[i] != "." and b[i] == b[j] == b[k]:
            return b[i]
    return None


def moves(b: str) -> list[int]:
    return [i for i, c in enumerate(b) if c == "."]


def play(b: str, i: int, p: str) -> str:
    return b[:i] + p + b[i + 1:]


calls = 0


def minimax(b: str, player: str, alpha: int, beta: int) -> tuple[int, int]:
    global calls
    calls += 1
    w = winner(b)
    if w:
        return (1 if w == "X" else -1) * (1 + b.count(".")), -1
    if "." not in b:
        return 0, -1
    best_move = -1
    if player == "X":
        best = -100
        for m in moves(b):
            score, _ = minimax(play(b, m, "X"), "O", alpha, beta)
            if score > best:
                best, best_move = score, m
            alpha = max(alpha, best)
            if alpha >= beta:
                break
    else:
        best = 100
        for m in moves(b):
            score, _ = minimax(play(b, m, "O"), "X", alpha, beta)
            if score < best:
                best, best_move = score, m
            beta = min(beta, best)
            if alpha >= beta:
                break
    return best, best_move


def show(b):
    return "\n".join(" " + " | ".join(b[r * 3:r * 3 + 3]) for r in range(3))


board = "." * 9
player = "X"
while winner(board) is None and "." in board:
    score, m = minimax(board, player, -100, 100)
    board = play(board, m, player)
    print(f"{player} plays {m} (score {score:+d})")
    player = "O" if player == "X" else "X"
print(show(board))
print("result:", winner(board) or "draw", "| minimax calls:", calls)

positions = set()
outcomes = {"X": 0, "O": 0, "draw": 0}


def explore(b, p):
    positions.add(b)
    w = winner(b)
    if w or "." not in b:
        outcomes[w or "draw"] += 1
        return
    for m in moves(b):
        explore(play(b, m, p), "O" if p == "X" else "X")


explore("." * 9, "X")
print("reachable positions:", len(positions), "complete games:", sum(outcomes.values()), outcomes)
terminal = [b for b in positions if winner(b) or "." not in b]
print("terminal positions:", len(terminal), "X wins:", sum(1 for b in terminal if winner(b) == "X"))

board = "." * 9
weak_moves = iter([0, 1, 3, 2, 5, 6, 7, 8])
turn = "O"
while winner(board) is None and "." in board:
    if turn == "X":
        _, m = minimax(board, "X", -100, 100)
    else:
        m = next(i for i in weak_moves if board[i] == ".")
    board = play(board, m, turn)
    turn = "X" if turn == "O" else "O"
print(show(board))
print("against the weak player:", winner(board) or "draw")
