/**
 * The task table of Kon Tum's 2025 plan implementing QĐ 27/QĐ-TTg (recommendations of the
 * UN Committee on the Rights of the Child), Phụ lục: groups, tasks, lead and cooperating agencies,
 * timeframe. Texts as printed in the plan.
 */

export const KONTUM_2025_CRC_PLAN = {
  number: '',
  title: 'Kế hoạch triển khai thực hiện Quyết định số 27/QĐ-TTg ngày 03 tháng 01 năm 2025 của Thủ tướng Chính phủ ban hành Kế hoạch thực hiện Khuyến nghị của Ủy ban về quyền trẻ em của Liên hợp quốc',
  issuerName: 'Ủy ban nhân dân tỉnh Kon Tum',
  issuedOn: null,
  yearFrom: 2025,
  yearTo: 2025,
};

export interface DemoTask {
  content: string;
  lead: string;
  cooperating: string;
  timeframe: string;
}

const ALL = 'Các sở, ban, ngành, đơn vị liên quan; UBND các huyện, thành phố';
const YEARLY = 'Thường xuyên hàng năm';
const ON_REQUEST = 'Theo đề nghị, hướng dẫn của các Bộ, ngành liên quan.';

export const KONTUM_2025_TASK_GROUPS: { code: string; title: string; tasks: DemoTask[] }[] = [
  {
    code: 'I',
    title: 'Tham gia xây dựng và hoàn thiện hệ thống pháp luật, chính sách để thúc đẩy việc thực hiện quyền trẻ em',
    tasks: [
      { content: 'Nghiên cứu, rà soát, góp ý xây dựng, sửa đổi, bổ sung pháp luật, chính sách về trẻ em, trẻ em khuyết tật, lao động trẻ em, trẻ em lang thang; đề xuất nâng độ tuổi trẻ em khi có đề nghị của cơ quan có thẩm quyền.', lead: 'KT.SLDTBXH', cooperating: 'Các sở, ban ngành, đơn vị liên quan; UBND các huyện, thành phố', timeframe: ON_REQUEST },
      { content: 'Nghiên cứu, góp ý dự thảo sửa đổi, bổ sung Bộ luật Hình sự và khả năng gia nhập các công ước có liên quan về không quốc tịch khi có đề nghị của cơ quan có thẩm quyền.', lead: 'KT.STP', cooperating: 'Các sở, ban ngành, đơn vị liên quan; UBND các huyện, thành phố', timeframe: ON_REQUEST },
      { content: 'Nghiên cứu, góp ý sửa đổi điều khoản bảo lưu đối với Nghị định thư không bắt buộc về trẻ em trong xung đột vũ trang khi có đề nghị của cơ quan có thẩm quyền; báo cáo cấp có thẩm quyền theo quy định.', lead: 'KT.BCHQS', cooperating: 'Các sở, ban ngành, đơn vị liên quan; UBND các huyện, thành phố', timeframe: ON_REQUEST },
    ],
  },
  {
    code: 'II',
    title: 'Đẩy mạnh công tác truyền thông, nâng cao nhận thức, trách nhiệm của các cấp, các ngành và Nhân dân trong thực hiện quyền trẻ em',
    tasks: [
      { content: '- Tuyên truyền sâu rộng, đầy đủ nội dung Quyết định số 27/QĐ-TTg và Kế hoạch này; chủ trương của Đảng, chính sách, pháp luật của Nhà nước về quyền trẻ em; công tác chăm sóc, giáo dục, bảo vệ trẻ em.\n- Truyền thông, nâng cao năng lực về Luật Trẻ em, Công ước của Liên hợp quốc về quyền trẻ em; phòng, chống bạo lực, xâm hại trẻ em; duy trì, phát triển đội ngũ nhân viên công tác xã hội.', lead: 'KT.SLDTBXH', cooperating: 'Các sở, ban ngành, đơn vị liên quan; UBND các huyện, thành phố', timeframe: 'Thường xuyên hàng năm' },
      { content: 'Truyền thông, giáo dục, nâng cao nhận thức của cộng đồng, bảo đảm mọi trẻ em được đăng ký khai sinh và có quốc tịch theo quy định.', lead: 'KT.STP', cooperating: 'Các sở, ban ngành, đơn vị liên quan; UBND các huyện, thành phố', timeframe: YEARLY },
      { content: 'Truyền thông, nâng cao nhận thức về ứng phó với biến đổi khí hậu, thiên tai thông qua việc nghiên cứu đưa nội dung giáo dục về quyền và bổn phận của trẻ em trong chương trình giảng dạy của nhà trường.', lead: 'KT.SGDDT', cooperating: ALL, timeframe: YEARLY },
      { content: 'Truyền thông, nâng cao nhận thức về phòng, chống mua bán trẻ em.', lead: 'KT.CA', cooperating: ALL, timeframe: YEARLY },
    ],
  },
  {
    code: 'III',
    title: 'Nâng cao năng lực chuyên môn, nghiệp vụ; phối hợp liên ngành và xây dựng, triển khai mô hình bảo đảm thực hiện quyền trẻ em',
    tasks: [
      { content: 'Tăng cường hiệu quả hoạt động liên ngành, kết nối Tổng đài điện thoại quốc gia bảo vệ trẻ em.', lead: 'KT.SLDTBXH', cooperating: ALL, timeframe: YEARLY },
      { content: 'Nghiên cứu, rà soát, đánh giá, áp dụng quy trình về thực hiện xử lý vi phạm hành chính bảo đảm thân thiện với trẻ em; đào tạo, bồi dưỡng về áp dụng quy trình xử lý vi phạm hành chính, vấn đề nuôi con nuôi.', lead: 'KT.STP', cooperating: ALL, timeframe: YEARLY },
      { content: 'Nghiên cứu, rà soát, đánh giá, góp ý xây dựng quy trình phối hợp, xử lý trong tiếp nhận thông tin, điều tra, tố tụng hình sự thân thiện với trẻ em, xử lý, xử phạt và truy tố đối với các hành vi xâm hại trẻ em trên môi trường mạng, trẻ em bị mua bán; nâng cao năng lực cho cán bộ công an về quyền trẻ em và bảo đảm thực hiện quyền trẻ em.', lead: 'KT.CA', cooperating: ALL, timeframe: YEARLY },
      { content: 'Bồi dưỡng, nâng cao năng lực cho viên chức tư vấn học sinh; bồi dưỡng năng lực cho giáo viên về trợ giúp trẻ em/học sinh khuyết tật được học hòa nhập tại các cơ sở giáo dục; xây dựng và nhân rộng mô hình cung cấp dịch vụ công tác xã hội và tư vấn tâm lý cho học sinh trên địa bàn toàn tỉnh.', lead: 'KT.SGDDT', cooperating: ALL, timeframe: YEARLY },
      { content: 'Nâng cao kiến thức, kỹ năng về bảo vệ trẻ em trên môi trường mạng; thúc đẩy doanh nghiệp phát triển các sản phẩm, dịch vụ bảo vệ và hỗ trợ trẻ em tương tác lành mạnh, sáng tạo trên môi trường mạng.', lead: 'KT.STTTT', cooperating: ALL, timeframe: YEARLY },
    ],
  },
  {
    code: 'IV',
    title: 'Triển khai dịch vụ đáp ứng thực hiện quyền trẻ em và giải quyết các vấn đề về trẻ em',
    tasks: [
      { content: 'Tổ chức triển khai các chính sách trợ giúp xã hội, an sinh xã hội bảo đảm mức sống tối thiểu cho trẻ em. Phòng, chống bạo lực, xâm hại, bóc lột, tai nạn, thương tích, mua bán trẻ em. Nghiên cứu, xây dựng, góp ý, triển khai các dịch vụ dễ tiếp cận, thân thiện với trẻ em: chăm sóc thay thế, tiêu chuẩn chăm sóc tối thiểu; hỗ trợ, can thiệp trẻ em khuyết tật; giáo dục nghề nghiệp; tư vấn tâm lý, tái hòa nhập cộng đồng. Triển khai các nội dung thúc đẩy sự tham gia của trẻ em vào các vấn đề về trẻ em.', lead: 'KT.SLDTBXH', cooperating: ALL, timeframe: YEARLY },
      { content: 'Tăng cường nội dung giảng dạy về quyền trẻ em; về chăm sóc sức khỏe sinh sản và phòng, chống các bệnh lây nhiễm qua đường tình dục. Nâng cao chất lượng giáo dục; duy trì, mở rộng chương trình giáo dục đa ngôn ngữ, các trường vệ tinh ở vùng sâu, vùng xa; hoàn thành phổ cập giáo dục các cấp học, tăng tỷ lệ học sinh nhập học, giảm tỷ lệ học sinh bỏ học; bảo đảm cho trẻ em khuyết tật được giáo dục hòa nhập; phòng, chống bạo lực học đường.', lead: 'KT.SGDDT', cooperating: ALL, timeframe: YEARLY },
      { content: 'Tăng cường tiếp cận các dịch vụ y tế có chất lượng; phòng, chống suy dinh dưỡng, thúc đẩy nuôi con bằng sữa mẹ; giảm tỷ lệ tử vong ở trẻ sơ sinh; dự phòng, điều trị HIV/AIDS, bệnh lao, bệnh phong ở trẻ em; chống kỳ thị trẻ em bị nhiễm, ảnh hưởng bởi HIV/AIDS. Nghiên cứu, đánh giá chứng rối loạn sức khỏe tâm thần ở trẻ em, đề xuất giải pháp giải quyết vấn đề tự tử, tự làm hại bản thân ở trẻ em. Bảo đảm trẻ em gái là người chưa thành niên được tiếp cận các dịch vụ kế hoạch hóa gia đình; phòng, chống tác hại của rượu, bia, thuốc lá, ma túy ở trẻ em.', lead: 'KT.SYT', cooperating: ALL, timeframe: YEARLY },
      { content: 'Bảo đảm lợi ích tốt nhất cho trẻ em và phụ nữ có thai hoặc nuôi con dưới 36 tháng tuổi khi áp dụng các biện pháp giam giữ để thi hành Bộ luật Hình sự. Bảo đảm trẻ em được khiếu nại một cách bí mật, thân thiện trong các cơ sở giam giữ; điều tra thân thiện với trẻ em và phối hợp liên ngành trong điều tra các vụ án bạo lực, xâm hại tình dục, mua bán trẻ em.', lead: 'KT.CA', cooperating: ALL, timeframe: YEARLY },
      { content: 'Giảm thiểu tình trạng tảo hôn, hôn nhân cận huyết thống; truyền thông nâng cao nhận thức về tác hại của tình trạng tảo hôn.', lead: 'KT.BDT', cooperating: ALL, timeframe: YEARLY },
      { content: 'Bảo đảm quyền tự do tín ngưỡng và tôn giáo của trẻ em.', lead: 'KT.SNV', cooperating: ALL, timeframe: YEARLY },
      { content: 'Nghiên cứu đề xuất giải pháp giảm thiểu tác động của biến đổi khí hậu, giảm mức độ ô nhiễm không khí, khí nhà kính ảnh hưởng đến sức khỏe của trẻ em.', lead: 'KT.STNMT', cooperating: ALL, timeframe: YEARLY },
      { content: 'Phòng, chống xâm hại trẻ em trên môi trường mạng.', lead: 'KT.STTTT', cooperating: ALL, timeframe: YEARLY },
      { content: 'Bảo đảm trẻ em được vui chơi, giải trí, văn hóa, nghệ thuật, thể dục, thể thao phù hợp lứa tuổi; trẻ em dân tộc thiểu số được bảo tồn bản sắc của mình; phòng, chống xâm hại trẻ em trong hoạt động du lịch.', lead: 'KT.SVHTTDL', cooperating: ALL, timeframe: YEARLY },
    ],
  },
  {
    code: 'V',
    title: 'Kiểm tra, thanh tra, xây dựng cơ sở dữ liệu về trẻ em',
    tasks: [
      { content: 'Thanh tra, kiểm tra việc thực hiện pháp luật, chính sách về bảo đảm quyền trẻ em. Chủ trì xây dựng trình Ủy ban nhân dân tỉnh báo cáo Quyền trẻ em định kỳ hằng năm và đột xuất.', lead: 'KT.SLDTBXH', cooperating: ALL, timeframe: YEARLY },
      { content: 'Nghiên cứu lồng ghép các mục tiêu, chỉ tiêu về trẻ em trong xây dựng quy hoạch, kế hoạch phát triển kinh tế - xã hội của tỉnh; lồng ghép thu thập thông tin và khai thác dữ liệu hành chính hiện có về trẻ em, bảo đảm số liệu đánh giá thực hiện quyền trẻ em; tham gia góp ý xây dựng thống nhất phân tổ độ tuổi trẻ em bảo đảm phù hợp với thực tế Việt Nam và theo chuẩn quốc tế. Tăng cường chất lượng thống kê, theo dõi tình hình trẻ em. Đẩy mạnh phối hợp và chia sẻ thông tin thống kê về trẻ em giữa các cơ quan, ban, ngành nhằm nâng cao chất lượng giám sát và đánh giá thực hiện quyền trẻ em.', lead: 'KT.SKHDT', cooperating: 'Sở Lao động - Thương binh và Xã hội; các sở, ban, ngành, đơn vị liên quan; UBND các huyện, thành phố', timeframe: YEARLY },
    ],
  },
  {
    code: 'VI',
    title: 'Ưu tiên bố trí kinh phí thực hiện quyền trẻ em và giải quyết các vấn đề về trẻ em',
    tasks: [
      { content: 'Tham mưu ưu tiên bố trí kinh phí thực hiện quyền trẻ em và giải quyết các vấn đề về trẻ em phù hợp với tình hình thực tế và khả năng cân đối ngân sách nhà nước theo quy định.', lead: 'KT.STC', cooperating: 'Sở Lao động - Thương binh và Xã hội; các sở, ban, ngành, đơn vị liên quan; UBND các huyện, thành phố', timeframe: YEARLY },
    ],
  },
  {
    code: 'VII',
    title: 'Tăng cường hợp tác quốc tế để bảo đảm thực hiện quyền trẻ em phù hợp với các chuẩn mực, thông lệ quốc tế.',
    tasks: [
      { content: 'Tăng cường vận động có hiệu quả sự hỗ trợ nguồn lực của các tổ chức trong nước, tổ chức phi chính phủ thực hiện các dự án hỗ trợ trẻ em liên quan để tăng cường việc thực hiện quyền trẻ em.', lead: 'KT.SLDTBXH', cooperating: 'Sở Kế hoạch và Đầu tư; các địa phương, đơn vị liên quan', timeframe: YEARLY },
    ],
  },
];
