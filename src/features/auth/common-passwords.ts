// Passwords of 8 or more characters that top the published lists of leaked passwords
// (RockYou, SplashData's yearly lists, the NCSC "100k most common"), lower-cased.
const LIST = `
password 12345678 123456789 1234567890 12345678910 123123123 1234512345 11111111 00000000 22222222 33333333
44444444 55555555 66666666 77777777 88888888 99999999 111111111 1111111111 0000000000 987654321 9876543210
87654321 12344321 11223344 11112222 12121212 13131313 69696969 123321123 147258369 159753258 741852963
123654789 147852369 963852741 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx 1qaz2wsx3edc zaq12wsx zaq1zaq1
qazwsxedc qwertyui qwertyuiop qwerty123 qwerty12 qwerty1234 qwertyu1 qwer1234 asdfghjk asdfghjkl asdf1234
zxcvbnm1 zxcvbnm123 abcd1234 abc12345 abc123456 abcdefgh abcdefg1 a1b2c3d4 a1234567 aa123456 aaaaaaaa
password1 password12 password123 password1234 password! password01 password2 passw0rd p@ssword p@ssw0rd
pa55word pa55w0rd passwort passwort1 motdepasse contraseña contrasena iloveyou iloveyou1 iloveyou2
iloveu123 sunshine sunshine1 princess princess1 football football1 baseball baseball1 basketball
welcome1 welcome123 letmein1 letmein123 trustno1 superman superman1 starwars starwars1 whatever
whatever1 michelle jennifer jessica1 corvette computer computer1 mercedes maverick liverpool chelsea1
arsenal1 butterfly charlie1 cheyenne chocolate cookie123 dragon123 elephant football12 freedom1 ginger12
hello123 hellokitty helloworld hockey12 internet jordan23 killer12 lovely123 master12 michael1 monkey123
mustang1 naruto12 nicole12 pepper12 qwerty11 rainbow1 samantha scorpion secret12 shadow12 soccer12
spiderman summer12 sunflower thomas12 tigger12 whatever12 william1 yankees1 zxcvbnm12 11111111a
administrator admin123 admin1234 administrator1 adminadmin root1234 toor1234 changeme changeme1
default1 guest123 test1234 testtest tester123 testing1 testing123 demo1234 user1234 login123
letmein! welcome! welcome2 welcome01 summer2020 summer2021 summer2022 summer2023 summer2024 summer2025
winter2020 winter2021 winter2022 winter2023 winter2024 winter2025 spring2023 spring2024 autumn2024
january1 february march2024 april2024 monday123 sunday123 christmas christmas1 halloween
football2 liverpool1 manchester manutd123 barcelona realmadrid juventus1 newcastle tottenham
chelsea123 arsenal123 ronaldo7 cristiano messi101 batman123 batman12 ironman1 superman12 spider12
pokemon1 pikachu1 minecraft minecraft1 fortnite1 roblox123 playstation xbox3600 nintendo1 zelda123
starwars12 jedimaster darthvader harrypotter hogwarts1 gandalf1 frodo123 matrix12 trinity1 neo12345
blink182 metallica slipknot1 nirvana1 beatles1 eminem12 tupac123 rockstar rockstar1 guitar12
iloveyou! lovelove loveme12 lovers12 mylove12 forever1 babygirl babygirl1 sweetheart sweetie1 angel123
angelina princesa princess12 beautiful butterfly1 flowers1 rainbow12 unicorn1 kitty123 puppy123
doggie12 monkey12 tigers12 dolphins dolphin1 panther1 eagles12 falcons1 cowboys1 steelers packers1
raiders1 redskins broncos1 patriots giants12 yankees12 redsox12 lakers24 celtics1 bulls123 jordan12
michael23 kobe2424 lebron23 soccer123 hockey123 baseball12 football123 basketball1 tennis12 golfer12
qwertyqwerty asdfasdf asdfasdf1 zxcvzxcv qweasdzxc qweasd123 1qazxsw2 2wsx3edc 3edc4rfv 4rfv5tgb
1234qwer 1234abcd 12345qwert 123qweasd 123qwe123 qwe12345 q1w2e3r4 q1w2e3r4t5 !qaz2wsx 1q2w3e4r!
passpass password11 password99 password00 password69 password88 password7 password9 password8
mypassword yourpassword newpassword secretpass secret123 secret1234 topsecret mysecret
iloveyou123 ihateyou imissyou loveyou1 fuckyou1 fuckoff1 asshole1 bitch123 shithead
qwerty123456 123456qwerty 1234567a 12345678a 123456789a a12345678 q1234567 123456aa 1234567q
12345qwe 1234567890q 0987654321 1029384756 5201314520 woaini1314 woaini520 iloveyou520
88888888a 66666666a 123456789q 159357456 456123789 789456123 321654987 147896325 258963147
linkedin1 facebook1 twitter1 google123 yahoo123 hotmail1 gmail123 outlook1 dropbox1 amazon123
apple123 samsung1 iphone12 android1 windows1 windows10 microsoft linux123 ubuntu123 oracle123
mysql123 postgres1 database1 server123 network1 security1 firewall1 welcome2024 company1
qwerty1! password@1 admin@123 welcome@1 p@55w0rd pa$$word pa$$w0rd passw0rd1 passw0rd!
letmein12 letmeinnow opensesame access14 accessdenied alexander benjamin1 brandon1 charles1
christopher daniel12 david123 edward12 elizabeth hannah12 jackson1 jasmine1 jonathan joshua12
madison1 matthew1 melissa1 natalie1 patrick1 phoenix1 richard1 robert12 samuel12 stephanie
victoria1 anthony1 ashley12 austin12 chicken1 cocacola diamond1 garfield hunter12 iceman12
jackjack lighthouse marlboro midnight1 mountain1 nothing1 orange12 password13 peaches1 pineapple
platinum purple12 qwerty13 scooter1 silver12 snoopy12 snowball spencer1 strawberry summer123
thunder1 tomcat12 trouble1 vanessa1 warrior1 wildcats wolverine xavier12 yellow12 zachary1
`;

const COMMON = new Set(LIST.split(/\s+/).filter((p) => p.length > 0));

/** "Summer2024!" -> "summer": what people add to a common word to pass composition rules. */
const stem = (p: string) => p.replace(/[\d\W_]+$/u, '');

/** The words under the listed passwords ("summer" from "summer2024"), three letters or more. */
const STEMS = new Set([...COMMON].map(stem).filter((s) => s.length >= 3));

const SEQUENCES = ['0123456789012345678901234567890', '9876543210987654321098765432109', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

/** True for the passwords attackers try first: listed ones, one repeated character, a plain run. */
export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return true;
  const base = stem(p);
  if (base !== p && (COMMON.has(base) || STEMS.has(base))) return true;
  if (/^(.)\1*$/u.test(p)) return true;
  return SEQUENCES.some((s) => s.includes(p));
}
