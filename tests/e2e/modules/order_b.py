print("order_b runs")
TAG = "b"
