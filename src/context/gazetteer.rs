//! Place names for `geography`: the UK's nations and England's regions, the local
//! authorities of England, Scotland, Wales and Northern Ireland, large cities, countries
//! and a few world cities.
//!
//! One line a name: `name|canonical|flags`. An empty canonical is the name itself. Flags:
//! `a` — the name is also an ordinary word or a person's name ("Reading", "Sutton"), so
//! it counts only after "in", "across", "throughout", "from", "at" or before "Council";
//! `x` — not a place at all, though it contains one ("Bank of England", "New South
//! Wales" is kept under its own name). Names match case-sensitively on whole words;
//! the longest match wins.

pub const TABLE: &str = "
UK||
U.K|UK|
United Kingdom|UK|
Britain|Great Britain|
Great Britain||
GB|Great Britain|
England||
Wales||
Scotland||
Northern Ireland||
England and Wales||
North East|North East England|
North East England||
North West|North West England|
North West England||
Yorkshire and the Humber||
Yorkshire and Humber|Yorkshire and the Humber|
East Midlands||
West Midlands||
East of England||
South East|South East England|
South East England||
South West|South West England|
South West England||
Bank of England||x
Church of England||x
Sport England||x
Arts Council England||x
Historic England||x
Natural England||x
New England||x
Prince of Wales||x
Princess of Wales||x
Bank of Scotland||x
Royal Bank of Scotland||x
Scotland Yard||x
New South Wales||
Cambridgeshire||
Derbyshire||
Devon||
East Sussex||
Essex||
Gloucestershire||
Hampshire||
Hertfordshire||
Kent||
Lancashire||
Leicestershire||
Lincolnshire||
Norfolk||
Nottinghamshire||
Oxfordshire||
Staffordshire||
Suffolk||
Surrey||
Warwickshire||
West Sussex||
Worcestershire||
Bolton||
Bury||a
Manchester||
Greater Manchester||
Oldham||
Rochdale||
Salford||
Stockport||
Tameside||
Trafford||
Wigan||
Knowsley||
Liverpool||
St Helens||
Sefton||
Wirral||
Merseyside||
Barnsley||
Doncaster||
Rotherham||
Sheffield||
Gateshead||
Newcastle|Newcastle upon Tyne|
Newcastle upon Tyne||
North Tyneside||
South Tyneside||
Sunderland||
Birmingham||
Coventry||
Dudley||a
Sandwell||
Solihull||
Walsall||
Wolverhampton||
Bradford||
Calderdale||
Kirklees||
Leeds||
Wakefield||
London||
Greater London||
City of London||
Barking and Dagenham||
Barnet||
Bexley||
Brent||a
Bromley||
Camden||
Croydon||
Ealing||
Enfield||
Greenwich||
Hackney||
Hammersmith and Fulham||
Haringey||
Harrow||a
Havering||
Hillingdon||
Hounslow||
Islington||
Kensington and Chelsea||
Kingston upon Thames||
Lambeth||
Lewisham||
Merton||a
Newham||
Redbridge||
Richmond upon Thames||
Southwark||
Sutton||a
Tower Hamlets||
Waltham Forest||
Wandsworth||
Westminster||
Bath and North East Somerset||
Bath||a
Bedford||a
Blackburn with Darwen||
Blackburn||a
Blackpool||
Bournemouth, Christchurch and Poole||
Bournemouth||
Bracknell Forest||
Brighton and Hove||
Brighton|Brighton and Hove|
Bristol||
Buckinghamshire||
Central Bedfordshire||
Bedfordshire||
Cheshire East||
Cheshire West and Chester||
Cheshire||
Cornwall||
County Durham||
Durham|County Durham|a
Cumberland||
Cumbria||
Darlington||a
Derby||a
Dorset||
East Riding of Yorkshire||
Halton||a
Hartlepool||
Herefordshire||
Isle of Wight||
Kingston upon Hull||
Hull|Kingston upon Hull|a
Leicester||
Luton||
Medway||
Middlesbrough||
Milton Keynes||
North East Lincolnshire||
North Lincolnshire||
North Northamptonshire||
West Northamptonshire||
Northamptonshire||
North Somerset||
North Yorkshire||
South Yorkshire||
West Yorkshire||
Yorkshire||
Northumberland||
Nottingham||
Peterborough||
Plymouth||
Portsmouth||
Reading||a
Redcar and Cleveland||
Rutland||
Shropshire||
Slough||a
Somerset||
South Gloucestershire||
Southampton||
Southend-on-Sea||
Southend|Southend-on-Sea|
Stockton-on-Tees||
Stoke-on-Trent||
Stoke|Stoke-on-Trent|a
Swindon||
Telford and Wrekin||
Thurrock||
Torbay||
Warrington||
West Berkshire||
Berkshire||
Westmorland and Furness||
Wiltshire||
Windsor and Maidenhead||
Wokingham||
York||
Oxford||a
Cambridge||a
Norwich||
Exeter||
Isles of Scilly||
Aberdeen||
Aberdeenshire||
Angus||a
Argyll and Bute||
Clackmannanshire||
Dumfries and Galloway||
Dundee||
East Ayrshire||
East Dunbartonshire||
East Lothian||
East Renfrewshire||
Edinburgh||
Falkirk||
Fife||
Glasgow||
Highland||a
Inverclyde||
Midlothian||
Moray||a
Na h-Eileanan Siar||
Western Isles|Na h-Eileanan Siar|
North Ayrshire||
North Lanarkshire||
Orkney||
Perth and Kinross||
Renfrewshire||
Scottish Borders||
Shetland||
South Ayrshire||
South Lanarkshire||
Stirling||a
West Dunbartonshire||
West Lothian||
Blaenau Gwent||
Bridgend||
Caerphilly||
Cardiff||
Carmarthenshire||
Ceredigion||
Conwy||
Denbighshire||
Flintshire||
Gwynedd||
Isle of Anglesey||
Anglesey|Isle of Anglesey|
Merthyr Tydfil||
Monmouthshire||
Neath Port Talbot||
Newport||a
Pembrokeshire||
Powys||
Rhondda Cynon Taf||
Swansea||
Torfaen||
Vale of Glamorgan||
Wrexham||
Antrim and Newtownabbey||
Ards and North Down||
Armagh City, Banbridge and Craigavon||
Belfast||
Causeway Coast and Glens||
Derry City and Strabane||
Derry||
Fermanagh and Omagh||
Lisburn and Castlereagh||
Mid and East Antrim||
Mid Ulster||
Newry, Mourne and Down||
Ireland||
Republic of Ireland|Ireland|
Irish Republic|Ireland|
United States||
United States of America|United States|
Bank of America||x
South America||
North America||
Central America||
US|United States|
U.S|United States|
USA|United States|
America|United States|
Bank of America||x
South America||
North America||
Central America||
Afghanistan||
Albania||
Algeria||
Andorra||
Angola||
Argentina||
Armenia||
Australia||
Austria||
Azerbaijan||
Bahamas||
Bahrain||
Bangladesh||
Barbados||
Belarus||
Belgium||
Belize||
Benin||
Bhutan||
Bolivia||
Bosnia and Herzegovina||
Bosnia|Bosnia and Herzegovina|
Botswana||
Brazil||
Brunei||
Bulgaria||
Burkina Faso||
Burundi||
Cambodia||
Cameroon||
Canada||
Cape Verde||
Central African Republic||
Chad||a
Chile||
China||
Colombia||
Comoros||
Congo||
Democratic Republic of the Congo||
DR Congo|Democratic Republic of the Congo|
Costa Rica||
Croatia||
Cuba||
Cyprus||
Czech Republic||
Czechia|Czech Republic|
Denmark||
Djibouti||
Dominica||
Dominican Republic||
Ecuador||
Egypt||
El Salvador||
Equatorial Guinea||
Eritrea||
Estonia||
Eswatini||
Ethiopia||
Fiji||
Finland||
France||
Gabon||
Gambia||
Georgia||a
Germany||
Ghana||
Greece||
Grenada||
Guatemala||
Guinea||a
Guyana||
Haiti||
Honduras||
Hong Kong||
Hungary||
Iceland||
India||
Indonesia||
Iran||
Iraq||
Israel||
Italy||
Ivory Coast||
Jamaica||
Japan||
Jordan||a
Kazakhstan||
Kenya||
Kosovo||
Kuwait||
Kyrgyzstan||
Laos||
Latvia||
Lebanon||
Lesotho||
Liberia||
Libya||
Liechtenstein||
Lithuania||
Luxembourg||
Madagascar||
Malawi||
Malaysia||
Maldives||
Mali||
Malta||
Mauritania||
Mauritius||
Mexico||
Moldova||
Monaco||
Mongolia||
Montenegro||
Morocco||
Mozambique||
Myanmar||
Burma|Myanmar|
Namibia||
Nepal||
Netherlands||
Holland|Netherlands|
New Zealand||
Nicaragua||
Niger||a
Nigeria||
North Korea||
North Macedonia||
Norway||
Oman||
Pakistan||
Palestine||
Gaza||
West Bank||
Panama||
Papua New Guinea||
Paraguay||
Peru||
Philippines||
Poland||
Portugal||
Qatar||
Romania||
Russia||
Rwanda||
Saudi Arabia||
Senegal||
Serbia||
Seychelles||
Sierra Leone||
Singapore||
Slovakia||
Slovenia||
Somalia||
South Africa||
South Korea||
Korea|South Korea|a
South Sudan||
Spain||
Sri Lanka||
Sudan||
Suriname||
Sweden||
Switzerland||
Syria||
Taiwan||
Tajikistan||
Tanzania||
Thailand||
Togo||
Trinidad and Tobago||
Tunisia||
Turkey||a
Turkmenistan||
Uganda||
Ukraine||
United Arab Emirates||
UAE|United Arab Emirates|
Uruguay||
Uzbekistan||
Venezuela||
Vietnam||
Yemen||
Zambia||
Zimbabwe||
European Union||
EU|European Union|
Europe||
Africa||
Asia||
Latin America||
Middle East||
New York||
New York City|New York|
Washington||a
Los Angeles||
Chicago||
San Francisco||
Paris||
Berlin||
Madrid||
Rome||
Brussels||
Amsterdam||
Moscow||
Beijing||
Shanghai||
Tokyo||
Delhi||
New Delhi||
Mumbai||
Sydney||
Melbourne||
Toronto||
Dublin||
";
