type Alias = (await x)
