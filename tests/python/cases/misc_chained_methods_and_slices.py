s = "  The Quick Brown Fox  "
print(s.strip().lower().replace(" ", "_").split("_"))
print(s.strip()[::-1].upper()[:5], s.count("o"), s.strip().split(" ")[-1][::-1])
nums = list(range(20))
print(nums[::5], nums[-3:], nums[3:-15], nums[100:], nums[-100:2], nums[15:5:-3])
print(sorted(set(map(lambda x: x % 4, nums))), len(nums[::3]))
