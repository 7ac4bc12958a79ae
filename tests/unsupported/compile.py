code = compile("1 + 1", "<string>", "eval")
