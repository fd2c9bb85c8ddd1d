import FunctionCallChecks

/// `TwitterAPI` (`func_source_code/posting_api.py`): one account's tweets, comments, retweets and follows.
public struct TwitterAPI: MultiTurnAPI {
    public static let className = "TwitterAPI"
    public static let methods: [String: [MultiTurnParameter]] = [
        "authenticate_twitter": [.init("username"), .init("password")], "posting_get_login_status": [],
        "post_tweet": [.init("content"), .init("tags", default: .list([])), .init("mentions", default: .list([]))],
        "retweet": [.init("tweet_id")], "comment": [.init("tweet_id"), .init("comment_content")],
        "mention": [.init("tweet_id"), .init("mentioned_usernames")], "follow_user": [.init("username_to_follow")],
        "list_all_following": [], "unfollow_user": [.init("username_to_unfollow")], "get_tweet": [.init("tweet_id")],
        "get_user_tweets": [.init("username")], "search_tweets": [.init("keyword")], "get_tweet_comments": [.init("tweet_id")],
        "get_user_stats": [.init("username")],
    ]

    var username: PyValue
    var password: PyValue
    var authenticated: PyValue
    /// Tweets by id (the scenario's string keys become ints, as `_load_scenario` converts them).
    var tweets: [(key: PyValue, value: PyValue)]
    var comments: [(key: PyValue, value: PyValue)]
    var retweets: [(key: PyValue, value: PyValue)]
    var following: [PyValue]
    var counter: PyValue

    public init(scenario: PyValue, longContext: Bool) {
        username = scenario["username"] ?? .string("john")
        password = scenario["password"] ?? .string("john123")
        authenticated = scenario["authenticated"] ?? .bool(false)
        tweets = (scenario["tweets"]?.dictValue ?? []).map { key, value in
            (key.stringValue.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map(PyValue.int) ?? key, value)
        }
        comments = scenario["comments"]?.dictValue ?? []
        retweets = scenario["retweets"]?.dictValue ?? []
        following = scenario["following_list"]?.elements ?? [.string("alice"), .string("bob")]
        counter = scenario["tweet_counter"] ?? .int(0)
    }

    public var state: PyValue {
        .dict([
            (.string("username"), username), (.string("password"), password), (.string("authenticated"), authenticated),
            (.string("tweets"), .dict(tweets)), (.string("comments"), .dict(comments)), (.string("retweets"), .dict(retweets)),
            (.string("following_list"), .list(following)), (.string("tweet_counter"), counter),
        ])
    }

    static func result(_ key: String, _ value: PyValue) -> PyValue { .dict([(.string(key), value)]) }
    static func notFound(_ id: PyValue) -> PyValue { result("error", .string("Tweet with ID \(id.str) not found.")) }
    static func notAuthenticated(_ action: String) -> PyValue { result("error", .string("User not authenticated. Please authenticate before \(action).")) }

    func tweetIndex(_ id: PyValue) -> Int? { tweets.firstIndex { $0.key == id } }

    public mutating func invoke(_ method: String, _ a: [String: PyValue]) throws -> PyValue {
        switch method {
        case "authenticate_twitter":
            if a["username"]! == username && a["password"]! == password {
                authenticated = .bool(true)
                return Self.result("authentication_status", .bool(true))
            }
            return Self.result("authentication_status", .bool(false))
        case "posting_get_login_status":
            return Self.result("login_status", .bool(authenticated.truthy))
        case "post_tweet":
            guard authenticated.truthy else { return Self.notAuthenticated("posting") }
            let tweet = PyValue.dict([
                (.string("id"), counter), (.string("username"), username), (.string("content"), a["content"]!), (.string("tags"), a["tags"]!),
                (.string("mentions"), a["mentions"]!),
            ])
            if let i = tweetIndex(counter) { tweets[i].value = tweet } else { tweets.append((counter, tweet)) }
            counter = try PythonArithmetic.add(counter, .int(1))
            return tweet
        case "retweet":
            guard authenticated.truthy else { return Self.notAuthenticated("retweeting") }
            let id = a["tweet_id"]!
            guard tweetIndex(id) != nil else { return Self.notFound(id) }
            var mine = retweets.first { $0.key == username }?.value.elements ?? []
            if id.isIn(mine) { return Self.result("retweet_status", .string("Already retweeted")) }
            mine.append(id)
            if let i = retweets.firstIndex(where: { $0.key == username }) { retweets[i].value = .list(mine) } else { retweets.append((username, .list(mine))) }
            return Self.result("retweet_status", .string("Successfully retweeted"))
        case "comment":
            guard authenticated.truthy else { throw MultiTurnError("exceptions must derive from BaseException") }
            let id = a["tweet_id"]!
            guard tweetIndex(id) != nil else { return Self.notFound(id) }
            let entry = PyValue.dict([(.string("username"), username), (.string("content"), a["comment_content"]!)])
            if let i = comments.firstIndex(where: { $0.key == id }) {
                comments[i].value = .list((comments[i].value.elements ?? []) + [entry])
            } else {
                comments.append((id, .list([entry])))
            }
            return Self.result("comment_status", .string("Comment added successfully"))
        case "mention":
            let id = a["tweet_id"]!
            guard let i = tweetIndex(id) else { return Self.notFound(id) }
            let added = try VehicleControlAPI.iterate(a["mentioned_usernames"]!)
            guard let current = tweets[i].value["mentions"]?.elements else { throw MultiTurnError("'str' object has no attribute 'extend'") }
            tweets[i].value.set("mentions", .list(current + added))
            return Self.result("mention_status", .string("Users mentioned successfully"))
        case "follow_user":
            guard authenticated.truthy else { return Self.notAuthenticated("following") }
            let user = a["username_to_follow"]!
            if user.isIn(following) { return Self.result("follow_status", .bool(false)) }
            following.append(user)
            return Self.result("follow_status", .bool(true))
        case "list_all_following":
            guard authenticated.truthy else { return Self.notAuthenticated("listing following") }
            return .list(following)
        case "unfollow_user":
            guard authenticated.truthy else { return Self.notAuthenticated("unfollowing") }
            let user = a["username_to_unfollow"]!
            guard let i = following.firstIndex(of: user) else { return Self.result("unfollow_status", .bool(false)) }
            following.remove(at: i)
            return Self.result("unfollow_status", .bool(true))
        case "get_tweet":
            let id = a["tweet_id"]!
            guard let i = tweetIndex(id) else { return Self.notFound(id) }
            return tweets[i].value
        case "get_user_tweets":
            return .list(tweets.map(\.value).filter { $0["username"] == a["username"]! })
        case "search_tweets":
            guard let keyword = a["keyword"]!.stringValue?.lowercased() else { throw MultiTurnError("'\(a["keyword"]!.kind.rawValue)' object has no attribute 'lower'") }
            return .list(tweets.map(\.value).filter { tweet in
                let content = tweet["content"]?.stringValue?.lowercased() ?? ""
                let tags = (tweet["tags"]?.elements ?? []).compactMap { $0.stringValue?.lowercased() }
                return keyword.isEmpty || content.contains(keyword) || tags.contains(keyword)
            })
        case "get_tweet_comments":
            let id = a["tweet_id"]!
            guard tweetIndex(id) != nil else { return Self.notFound(id) }
            return comments.first { $0.key == id }?.value ?? .list([])
        case "get_user_stats":
            let user = a["username"]!
            let count = tweets.filter { $0.value["username"] == user }.count
            let followingCount = user == username ? following.count : 0
            let retweetCount = retweets.first { $0.key == user }?.value.elements?.count ?? 0
            return .dict([
                (.string("tweet_count"), .int(count)), (.string("following_count"), .int(followingCount)), (.string("retweet_count"), .int(retweetCount)),
            ])
        default:
            throw MultiTurnError("'TwitterAPI' object has no attribute '\(method)'")
        }
    }
}
